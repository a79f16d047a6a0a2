package io.commandpost.rotation.handover.openitems;

import io.agroal.api.AgroalDataSource;
import io.commandpost.rotation.handover.openitems.OpenItem.Key;
import io.commandpost.rotation.handover.openitems.OpenItem.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code handover_open_item} table, plain JDBC in the caller's transaction. */
@ApplicationScoped
public class OpenItemStore {

    private final AgroalDataSource dataSource;

    OpenItemStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    Optional<OpenItem> findForUpdate(Key key) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     select team, kind, item_id, status, opened_at, last_starts_at, closed_at, resolved_by
                     from handover_open_item where team = ? and kind = ? and item_id = ? for update""")) {
            select.setString(1, key.team());
            select.setString(2, key.kind().name());
            select.setString(3, key.itemId());
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read open item " + key, e);
        }
    }

    void save(OpenItem item) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("""
                     insert into handover_open_item (team, kind, item_id, status, opened_at, last_starts_at, closed_at,
                       resolved_by)
                     values (?, ?, ?, ?, ?, ?, ?, ?)
                     on conflict (team, kind, item_id) do update set status = excluded.status,
                       opened_at = excluded.opened_at, last_starts_at = excluded.last_starts_at,
                       closed_at = excluded.closed_at, resolved_by = excluded.resolved_by""")) {
            upsert.setString(1, item.team());
            upsert.setString(2, item.kind().name());
            upsert.setString(3, item.itemId());
            upsert.setString(4, item.open() ? "OPEN" : "CLOSED");
            upsert.setTimestamp(5, timestamp(item.openedAt()));
            upsert.setTimestamp(6, timestamp(item.lastStartsAt()));
            upsert.setTimestamp(7, timestamp(item.closedAt()));
            upsert.setString(8, item.resolvedBy());
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot save open item " + item.key(), e);
        }
    }

    void deleteAll() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("delete from handover_open_item")) {
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reset open items", e);
        }
    }

    /** A team's open items: alerts, then incidents, then questions, each oldest first. */
    public List<OpenItem> openItems(String team) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     select team, kind, item_id, status, opened_at, last_starts_at, closed_at, resolved_by
                     from handover_open_item where team = ? and status = 'OPEN'
                     order by case kind when 'ALERT' then 0 when 'INCIDENT' then 1 else 2 end,
                              opened_at nulls last, item_id""")) {
            select.setString(1, team);
            List<OpenItem> items = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    items.add(row(rs));
                }
            }
            return items;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read open items of " + team, e);
        }
    }

    private static OpenItem row(ResultSet rs) throws SQLException {
        return new OpenItem(rs.getString("team"), Kind.valueOf(rs.getString("kind")), rs.getString("item_id"),
                "OPEN".equals(rs.getString("status")), instant(rs.getTimestamp("opened_at")),
                instant(rs.getTimestamp("last_starts_at")), instant(rs.getTimestamp("closed_at")),
                rs.getString("resolved_by"));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

package io.commandpost.incident.queue.projection;

import io.agroal.api.AgroalDataSource;
import io.commandpost.events.Priority;
import io.commandpost.incident.queue.ItemKey;
import io.commandpost.incident.queue.ItemKind;
import io.commandpost.incident.queue.ItemStatus;
import io.commandpost.incident.queue.QueueItem;
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

/** The queue_item table, by plain JDBC. */
@ApplicationScoped
public class QueueStore {

    private static final String COLUMNS = "team, kind, item_id, status, priority, summary, asker, opened_at, "
            + "occurrences, last_starts_at, closed_at, acknowledged_at, acknowledged_by, resolved_by";

    private final AgroalDataSource dataSource;

    QueueStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The item, locked until the transaction ends (the caller is about to change it). */
    public Optional<QueueItem> findForUpdate(ItemKey key) {
        return find(key, " for update");
    }

    public Optional<QueueItem> find(ItemKey key) {
        return find(key, "");
    }

    public List<QueueItem> openItems(String team) {
        return query("select " + COLUMNS + " from queue_item where team = ? and status = 'OPEN'", team);
    }

    /** How many items are open, per team and kind. */
    public record OpenCount(String team, String kind, long count) {
    }

    public List<OpenCount> openCounts() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select team, kind, count(*) from queue_item where status = 'OPEN' group by team, kind");
             ResultSet rows = statement.executeQuery()) {
            List<OpenCount> counts = new ArrayList<>();
            while (rows.next()) {
                counts.add(new OpenCount(rows.getString(1), rows.getString(2), rows.getLong(3)));
            }
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count open queue items", e);
        }
    }

    /** Every item of a team, open or not. */
    public List<QueueItem> allItems(String team) {
        return query("select " + COLUMNS + " from queue_item where team = ?", team);
    }

    public void save(QueueItem item) {
        String sql = "insert into queue_item (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "on conflict (team, kind, item_id) do update set status = excluded.status, "
                + "priority = excluded.priority, summary = excluded.summary, asker = excluded.asker, "
                + "opened_at = excluded.opened_at, occurrences = excluded.occurrences, "
                + "last_starts_at = excluded.last_starts_at, closed_at = excluded.closed_at, "
                + "acknowledged_at = excluded.acknowledged_at, acknowledged_by = excluded.acknowledged_by, "
                + "resolved_by = excluded.resolved_by";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, item.team());
            statement.setString(2, item.kind().name());
            statement.setString(3, item.id());
            statement.setString(4, item.status().name());
            statement.setString(5, item.priority() == null ? null : item.priority().name());
            statement.setString(6, item.summary());
            statement.setString(7, item.asker());
            statement.setTimestamp(8, timestamp(item.openedAt()));
            statement.setInt(9, item.occurrences());
            statement.setTimestamp(10, timestamp(item.lastStartsAt()));
            statement.setTimestamp(11, timestamp(item.closedAt()));
            statement.setTimestamp(12, timestamp(item.acknowledgedAt()));
            statement.setString(13, item.acknowledgedBy());
            statement.setString(14, item.resolvedBy());
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot save queue item " + item.key(), e);
        }
    }

    public void deleteAll() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("delete from queue_item")) {
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot clear queue_item", e);
        }
    }

    private Optional<QueueItem> find(ItemKey key, String lock) {
        String sql = "select " + COLUMNS + " from queue_item where team = ? and kind = ? and item_id = ?" + lock;
        return query(sql, key.team(), key.kind().name(), key.id()).stream().findFirst();
    }

    private List<QueueItem> query(String sql, String... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            List<QueueItem> items = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    items.add(item(rows));
                }
            }
            return items;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read queue items", e);
        }
    }

    private static QueueItem item(ResultSet row) throws SQLException {
        String priority = row.getString("priority");
        return new QueueItem(
                new ItemKey(row.getString("team"), ItemKind.valueOf(row.getString("kind")), row.getString("item_id")),
                ItemStatus.valueOf(row.getString("status")),
                priority == null ? null : Priority.valueOf(priority),
                row.getString("summary"),
                row.getString("asker"),
                instant(row.getTimestamp("opened_at")),
                row.getInt("occurrences"),
                instant(row.getTimestamp("last_starts_at")),
                instant(row.getTimestamp("closed_at")),
                instant(row.getTimestamp("acknowledged_at")),
                row.getString("acknowledged_by"),
                row.getString("resolved_by"));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

package io.commandpost.notification.digest;

import io.agroal.api.AgroalDataSource;
import io.commandpost.notification.config.NotifyConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the digest for the 09:00 announcement: view {@code digest_entry}, the digest projection's incidents and
 * questions and the paging consumer's {@code alert_lifecycle} for alerts.
 */
@ApplicationScoped
public class DigestReader implements DigestLookup {

    private final AgroalDataSource dataSource;
    private final DigestLinks links;

    DigestReader(AgroalDataSource dataSource, NotifyConfig config) {
        this.dataSource = dataSource;
        this.links = new DigestLinks(config.digest().linkBase().toString());
    }

    @Override
    public Digest digest(String team, Instant since, Instant until) {
        List<DigestItem> items = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     select kind, item_id, title, arrived_at, closed_at from digest_entry
                     where team = ? and arrived_at is not null and arrived_at < ?
                       and (closed_at is null or closed_at >= ?)""")) {
            select.setString(1, team);
            select.setTimestamp(2, Timestamp.from(until));
            select.setTimestamp(3, Timestamp.from(since));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String kind = rs.getString(1);
                    String id = rs.getString(2);
                    Timestamp closed = rs.getTimestamp(5);
                    items.add(new DigestItem(kind, id, rs.getString(3), rs.getTimestamp(4).toInstant(),
                            closed == null ? null : closed.toInstant(), links.link(team, kind, id)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the digest of " + team, e);
        }
        return Digest.of(since, until, items);
    }

    @Override
    public List<Rest> rests(String team, LocalDate day) {
        List<Rest> rests = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select member, covering, reason from digest_rest where team = ? and day = ? order by member")) {
            select.setString(1, team);
            select.setDate(2, Date.valueOf(day));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rests.add(new Rest(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read who rests in " + team, e);
        }
        return rests;
    }
}

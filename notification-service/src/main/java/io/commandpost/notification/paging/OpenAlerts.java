package io.commandpost.notification.paging;

import io.agroal.api.AgroalDataSource;
import io.commandpost.notification.delivery.DeliveryStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Alerts open per team and the page that covers each (paging state; not a projection). */
@ApplicationScoped
public class OpenAlerts {

    private final AgroalDataSource dataSource;

    OpenAlerts(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The open page of an alert, serialising (until the transaction ends) every decision about this
     * team and dedup key, even while no row exists yet.
     */
    public Optional<OpenPage> lockAndFind(String team, String dedupKey) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(hashtext(?))")) {
                lock.setString(1, "paging:" + team + ":" + dedupKey);
                lock.execute();
            }
            try (PreparedStatement select = connection.prepareStatement("""
                    select o.notification_id, n.status from open_alert o
                    join notification n on n.notification_id = o.notification_id
                    where o.team = ? and o.dedup_key = ?""")) {
                select.setString(1, team);
                select.setString(2, dedupKey);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new OpenPage(rs.getObject(1, UUID.class), DeliveryStatus.valueOf(rs.getString(2))))
                            : Optional.empty();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read open alert " + dedupKey + " of " + team, e);
        }
    }

    public void open(String team, String dedupKey, UUID notificationId, Instant openedAt) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("""
                     insert into open_alert (team, dedup_key, notification_id, opened_at) values (?, ?, ?, ?)
                     on conflict (team, dedup_key) do update set notification_id = excluded.notification_id""")) {
            upsert.setString(1, team);
            upsert.setString(2, dedupKey);
            upsert.setObject(3, notificationId);
            upsert.setTimestamp(4, Timestamp.from(openedAt));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open alert " + dedupKey + " of " + team, e);
        }
    }

    public void close(String team, String dedupKey) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "delete from open_alert where team = ? and dedup_key = ?")) {
            delete.setString(1, team);
            delete.setString(2, dedupKey);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close alert " + dedupKey + " of " + team, e);
        }
    }
}

package io.commandpost.notification.delivery;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * Pages a notification rule delays ("email after 2 minutes if not acknowledged"): the delivery row itself is
 * the durable timer (due at {@code next_attempt_at}, claimed by one worker of one replica, kept across
 * restarts); this table remembers which alert occurrence it waits on, so that at its due time it is dropped
 * (recorded SKIPPED with the reason) when that occurrence was acknowledged or resolved meanwhile.
 */
@ApplicationScoped
public class DelayedPages {

    private final AgroalDataSource dataSource;
    private final Instance<AlertWatch> watch;

    DelayedPages(AgroalDataSource dataSource, Instance<AlertWatch> watch) {
        this.dataSource = dataSource;
        this.watch = watch;
    }

    /** Makes the page conditional on occurrence {@code occurrence} of its alert staying unacknowledged. */
    public void unlessAcknowledged(UUID notificationId, String team, String dedupKey, int occurrence) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     insert into delayed_page (notification_id, team, dedup_key, occurrence) values (?, ?, ?, ?)
                     on conflict (notification_id) do nothing""")) {
            insert.setObject(1, notificationId);
            insert.setString(2, team);
            insert.setString(3, dedupKey);
            insert.setInt(4, occurrence);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record delayed page " + notificationId, e);
        }
    }

    /**
     * Only a page created due later can be a delayed one ({@link #unlessAcknowledged} is recorded for pages a rule
     * delays); a page due when it was created is not looked up.
     */
    private static boolean delayed(Notification notification) {
        return notification.createdAt() == null || notification.nextAttemptAt() == null
                || notification.nextAttemptAt().isAfter(notification.createdAt());
    }

    /** Why this delivery is dropped now; empty for any delivery that is not a delayed page, or still wanted. */
    Optional<String> dropReason(Notification notification) {
        if (notification.kind() != DeliveryKind.PAGE || notification.attempts() > 0 || watch.isUnsatisfied()
                || !delayed(notification)) {
            return Optional.empty();
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select team, dedup_key, occurrence from delayed_page where notification_id = ?")) {
            select.setObject(1, notification.notificationId());
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return watch.get().noLongerWanted(rs.getString(1), rs.getString(2), rs.getInt(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read delayed page " + notification.notificationId(), e);
        }
    }
}

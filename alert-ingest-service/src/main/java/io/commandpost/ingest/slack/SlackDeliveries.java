package io.commandpost.ingest.slack;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Events API deliveries taken, by {@code event_id}: Slack retries a delivery it thinks failed
 * (X-Slack-Retry-Num); a retry of one already taken is answered 200 and ignored. A delivery whose
 * publish failed is released, so that Slack's retry of it is processed.
 */
@ApplicationScoped
public class SlackDeliveries {

    private final AgroalDataSource dataSource;

    SlackDeliveries(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @return false when this event id was taken before */
    public boolean claim(String eventId, Instant now) {
        return update("insert into slack_event (event_id, received_at) values (?, ?) on conflict do nothing",
                eventId, now) == 1;
    }

    public void release(String eventId) {
        update("delete from slack_event where event_id = ?", eventId, null);
    }

    private int update(String sql, String eventId, Instant now) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, eventId);
            if (now != null) {
                statement.setTimestamp(2, Timestamp.from(now));
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record Slack delivery " + eventId, e);
        }
    }
}

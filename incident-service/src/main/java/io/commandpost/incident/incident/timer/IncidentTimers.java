package io.commandpost.incident.incident.timer;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Durable timers of incidents: one row per incident saying when it next needs waking, written in the
 * same transaction as the events that made it due. Claimed with {@code for update skip locked}, so one
 * replica at a time wakes an incident. To move onto {@code io.commandpost.platform.timer} when it lands.
 */
@ApplicationScoped
public class IncidentTimers {

    private final AgroalDataSource dataSource;

    IncidentTimers(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Sets (or clears, when empty) the incident's wake-up time. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void schedule(UUID incidentId, Optional<Instant> wakeAt) {
        String sql = wakeAt.isPresent()
                ? "insert into incident_timer (incident_id, wake_at) values (?, ?) "
                        + "on conflict (incident_id) do update set wake_at = excluded.wake_at"
                : "delete from incident_timer where incident_id = ?";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, incidentId);
            if (wakeAt.isPresent()) {
                statement.setTimestamp(2, Timestamp.from(wakeAt.get()));
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot schedule incident " + incidentId, e);
        }
    }

    /** One incident due at {@code now} that no other replica holds, locked until the transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<UUID> claimDue(Instant now) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select incident_id from incident_timer where wake_at <= ? order by wake_at limit 1 "
                             + "for update skip locked")) {
            statement.setTimestamp(1, Timestamp.from(now));
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getObject(1, UUID.class)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot claim incident timers", e);
        }
    }
}

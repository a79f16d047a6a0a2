package io.commandpost.ingest.heartbeat;

import io.agroal.api.AgroalDataSource;
import io.commandpost.events.AlertEvent;
import io.commandpost.events.Priority;
import io.commandpost.ingest.intake.EventPublisher;
import io.commandpost.ingest.integration.Integration;
import io.commandpost.platform.eventing.EventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Dead-man's switches. Both paths hold the switch's row lock while they publish, and change the row
 * only after the broker acknowledged: a failed publish rolls back, so the alert (or its resolve) is
 * raised again at the next check (or ping). Replicas skip rows another one holds, and a row with
 * {@code overdue_since} set is not raised again: one alert per missed interval across replicas.
 */
@ApplicationScoped
public class Heartbeats {

    static final int BATCH = 100;

    private final AgroalDataSource dataSource;
    private final EventPublisher publisher;
    private final Clock clock;

    Heartbeats(AgroalDataSource dataSource, EventPublisher publisher, Clock clock) {
        this.dataSource = dataSource;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** A ping: resolves the alert if the switch was overdue. @return when the next ping is due */
    public Instant ping(Integration integration, EventMetadata metadata) {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int interval;
                boolean overdue;
                try (PreparedStatement select = connection.prepareStatement(
                        "select interval_minutes, overdue_since from heartbeat where integration_id = ? for update")) {
                    select.setObject(1, integration.id());
                    try (ResultSet rs = select.executeQuery()) {
                        if (!rs.next()) {
                            throw new IllegalStateException("heartbeat integration " + integration.id() + " has no switch");
                        }
                        interval = rs.getInt(1);
                        overdue = rs.getTimestamp(2) != null;
                    }
                }
                if (overdue) {
                    publisher.publish(integration.id().toString(),
                            List.of(HeartbeatAlerts.pinged(integration.id(), integration.team(), now)), metadata);
                }
                try (PreparedStatement update = connection.prepareStatement(
                        "update heartbeat set last_ping_at = ?, overdue_since = null where integration_id = ?")) {
                    update.setTimestamp(1, Timestamp.from(now));
                    update.setObject(2, integration.id());
                    update.executeUpdate();
                }
                connection.commit();
                return HeartbeatAlerts.dueBy(now, interval);
            } catch (RuntimeException | SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record a heartbeat of " + integration.id(), e);
        }
    }

    /** Raises an alert for every live switch overdue at the clock's now. @return how many were raised */
    public int raiseOverdue() {
        Instant now = clock.instant();
        String sql = "select h.integration_id, h.interval_minutes, h.last_ping_at, i.team, i.name, i.default_priority"
                + " from heartbeat h join integration i on i.id = h.integration_id"
                + " where h.overdue_since is null and i.revoked_at is null"
                + " and h.last_ping_at + make_interval(mins => h.interval_minutes) < ?"
                + " order by h.last_ping_at limit " + BATCH + " for update of h skip locked";
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<AlertEvent.AlertReceived> alerts = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement(sql)) {
                    select.setTimestamp(1, Timestamp.from(now));
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            String priority = rs.getString("default_priority");
                            alerts.add(HeartbeatAlerts.missed(rs.getObject("integration_id", UUID.class),
                                    rs.getString("team"), rs.getString("name"),
                                    priority == null ? null : Priority.valueOf(priority),
                                    rs.getInt("interval_minutes"), rs.getTimestamp("last_ping_at").toInstant(), now));
                        }
                    }
                }
                for (AlertEvent.AlertReceived alert : alerts) {
                    publisher.publish(alert.integration(), List.of(alert), EventMetadata.fresh());
                }
                try (PreparedStatement update = connection.prepareStatement(
                        "update heartbeat set overdue_since = ? where integration_id = ?")) {
                    for (AlertEvent.AlertReceived alert : alerts) {
                        update.setTimestamp(1, Timestamp.from(alert.startsAt()));
                        update.setObject(2, UUID.fromString(alert.integration()));
                        update.addBatch();
                    }
                    update.executeBatch();
                }
                connection.commit();
                return alerts.size();
            } catch (RuntimeException | SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check heartbeats", e);
        }
    }
}

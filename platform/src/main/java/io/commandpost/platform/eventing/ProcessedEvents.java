package io.commandpost.platform.eventing;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/** Which events each consumer has applied: the idempotency guard of every consumer. */
@ApplicationScoped
public class ProcessedEvents {

    private final AgroalDataSource dataSource;
    private final Clock clock;

    ProcessedEvents(AgroalDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * Claims an event for a consumer in the current transaction. False when it was applied before
     * (or is being applied by a transaction that then commits): the caller must skip it.
     */
    public boolean claim(String consumer, UUID eventId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "insert into processed_events (consumer, event_id, processed_at) values (?, ?, ?) "
                             + "on conflict do nothing")) {
            insert.setString(1, consumer);
            insert.setObject(2, eventId);
            insert.setTimestamp(3, Timestamp.from(clock.instant()));
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot claim " + eventId + " for " + consumer, e);
        }
    }

    /**
     * Claims several events at once in the current transaction (one statement); returns those not applied
     * before, which the caller must apply. An id listed twice is claimed once.
     */
    public Set<UUID> claimAll(String consumer, Collection<UUID> eventIds) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "insert into processed_events (consumer, event_id, processed_at) "
                             + "select ?, id, ? from unnest(?::uuid[]) as id on conflict do nothing returning event_id")) {
            insert.setString(1, consumer);
            insert.setTimestamp(2, Timestamp.from(clock.instant()));
            insert.setArray(3, connection.createArrayOf("uuid", new LinkedHashSet<>(eventIds).toArray()));
            Set<UUID> claimed = new HashSet<>();
            try (ResultSet rs = insert.executeQuery()) {
                while (rs.next()) {
                    claimed.add(rs.getObject(1, UUID.class));
                }
            }
            return claimed;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot claim " + eventIds.size() + " events for " + consumer, e);
        }
    }

    void forget(String consumer) {
        execute("delete from processed_events where consumer = ?", consumer);
    }

    /** Live consumers hold this shared; a rebuild holds it exclusively, so they never interleave. */
    void lockShared(String consumer) {
        execute("select pg_advisory_xact_lock_shared(hashtext(?))", consumer);
    }

    void lockExclusive(String consumer) {
        execute("select pg_advisory_xact_lock(hashtext(?))", consumer);
    }

    private void execute(String sql, String consumer) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, consumer);
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed for " + consumer, e);
        }
    }
}

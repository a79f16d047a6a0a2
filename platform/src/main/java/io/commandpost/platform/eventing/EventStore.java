package io.commandpost.platform.eventing;

import io.commandpost.events.DomainEvent;
import io.commandpost.events.EventEnvelope;
import io.commandpost.events.EventJson;
import io.commandpost.events.EventTypes;
import io.commandpost.platform.config.PlatformConfig;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
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
 * Append-only event store in the service's own database. An append writes the events and their
 * {@link Outbox} rows in the caller's transaction, so an event is published if and only if it is stored.
 * Aggregates write through the command handler of the platform, which appends here.
 */
@ApplicationScoped
public class EventStore {

    private final AgroalDataSource dataSource;
    private final Clock clock;
    private final String producer;
    private final Outbox outbox;

    EventStore(AgroalDataSource dataSource, Clock clock, PlatformConfig config, Outbox outbox) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.producer = config.serviceName();
        this.outbox = outbox;
    }

    /**
     * Appends events to a stream that must be at {@code expectedVersion} (0 for a new stream). A
     * stream is one aggregate: its type (as registered in {@code EventTypes}) and id.
     *
     * @return the stored envelopes, the last one carrying the stream's new version
     * @throws ConcurrencyConflictException when the stream moved on
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<EventEnvelope> append(String streamType, String streamId, long expectedVersion,
                                      List<? extends DomainEvent> events, EventMetadata metadata) {
        long actual = currentVersion(streamType, streamId);
        if (actual != expectedVersion) {
            throw new ConcurrencyConflictException(streamId, expectedVersion, actual);
        }
        Instant now = clock.instant();
        List<EventEnvelope> envelopes = new ArrayList<>(events.size());
        long version = expectedVersion;
        for (DomainEvent event : events) {
            if (!event.aggregateId().equals(streamId) || !EventTypes.of(event).aggregateType().equals(streamType)) {
                throw new IllegalArgumentException("event for " + event.aggregateId() + " appended to " + streamId);
            }
            version++;
            envelopes.add(EventEnvelope.wrap(event, version, now, UUID.randomUUID(), metadata.correlationId(),
                    metadata.causationId(), producer, metadata.actor(), metadata.via()));
        }
        List<String> json = envelopes.stream().map(EventJson::toJson).toList(); // once, for the store and the outbox
        try (Connection connection = dataSource.getConnection()) {
            insertEvents(connection, envelopes, json);
        } catch (SQLException e) {
            if (isUniqueViolation(e)) {
                // another writer appended the same version first; the transaction is aborted, so no re-read
                throw new ConcurrencyConflictException(streamId, expectedVersion, -1);
            }
            throw new IllegalStateException("append to " + streamId + " failed", e);
        }
        outbox.add(envelopes, json);
        return envelopes;
    }

    public long currentVersion(String streamType, String streamId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select coalesce(max(version), 0) from event_store where stream_type = ? and stream_id = ?")) {
            statement.setString(1, streamType);
            statement.setString(2, streamId);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read version of " + streamId, e);
        }
    }

    /** The whole stream in version order; empty for a stream that does not exist. */
    public List<EventEnvelope> load(String streamType, String streamId) {
        return load(streamType, streamId, 0);
    }

    /** The stream's events from {@code fromVersion} (inclusive) on, in order. */
    public List<EventEnvelope> load(String streamType, String streamId, long fromVersion) {
        List<EventEnvelope> envelopes = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     select envelope::text from event_store where stream_type = ? and stream_id = ? and version >= ?
                     order by version""")) {
            statement.setString(1, streamType);
            statement.setString(2, streamId);
            statement.setLong(3, fromVersion);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    envelopes.add(EventJson.fromBytes(rs.getString(1).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot load " + streamId, e);
        }
        return envelopes;
    }

    /**
     * The events of a stream recorded at or after {@code occurredFrom}, in version order: a bounded read for a
     * caller that needs only the recent part of a long stream (the versions are the stream's, not renumbered).
     */
    public List<EventEnvelope> loadSince(String streamType, String streamId, Instant occurredFrom) {
        List<EventEnvelope> envelopes = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select envelope::text from event_store where stream_type = ? and stream_id = ? "
                             + "and occurred_at >= ? order by version")) {
            statement.setString(1, streamType);
            statement.setString(2, streamId);
            statement.setTimestamp(3, Timestamp.from(occurredFrom));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    envelopes.add(EventJson.fromBytes(rs.getString(1).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot load " + streamId, e);
        }
        return envelopes;
    }

    /** Every stream id of one aggregate type, for rebuilding a service's state from its own store. */
    public List<String> streamIds(String streamType) {
        List<String> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select distinct stream_id from event_store where stream_type = ? order by stream_id")) {
            statement.setString(1, streamType);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list streams of " + streamType, e);
        }
        return ids;
    }

    private static boolean isUniqueViolation(SQLException e) {
        for (SQLException cause = e; cause != null; cause = cause.getNextException()) {
            if ("23505".equals(cause.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static void insertEvents(Connection connection, List<EventEnvelope> envelopes, List<String> json)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into event_store (stream_id, stream_type, version, event_id, event_type, envelope, occurred_at)
                values (?, ?, ?, ?, ?, ?::jsonb, ?)""")) {
            for (int i = 0; i < envelopes.size(); i++) {
                EventEnvelope envelope = envelopes.get(i);
                insert.setString(1, envelope.aggregateId());
                insert.setString(2, envelope.aggregateType());
                insert.setLong(3, envelope.aggregateVersion());
                insert.setObject(4, envelope.eventId());
                insert.setString(5, envelope.eventType());
                insert.setString(6, json.get(i));
                insert.setTimestamp(7, Timestamp.from(envelope.occurredAt()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}

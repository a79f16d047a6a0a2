package io.commandpost.platform.eventing;

import io.commandpost.events.DomainEvent;
import io.commandpost.events.EventEnvelope;
import io.commandpost.events.EventJson;
import io.commandpost.platform.config.PlatformConfig;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The transactional outbox: rows the {@link OutboxRelay} publishes to Kafka after the transaction that
 * wrote them commits, so an event goes out if and only if the state change it announces is stored. The
 * event store writes its appended events here; a service announces facts that belong to no stream of its
 * store (a delivery's outcome) with {@link #publish}.
 */
@ApplicationScoped
public class Outbox {

    private final AgroalDataSource dataSource;
    private final Clock clock;
    private final String producer;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    Outbox(AgroalDataSource dataSource, Clock clock, PlatformConfig config,
           TransactionSynchronizationRegistry transactions, OutboxRelay relay) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.producer = config.serviceName();
        this.transactions = transactions;
        this.relay = relay;
    }

    /**
     * Announces events that are not part of a versioned stream (their envelopes carry version 0), in the
     * caller's transaction.
     *
     * @return the envelopes written, as the relay will publish them
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<EventEnvelope> publish(List<? extends DomainEvent> events, EventMetadata metadata) {
        Instant now = clock.instant();
        List<EventEnvelope> envelopes = events.stream()
                .map(event -> EventEnvelope.wrap(event, 0, now, UUID.randomUUID(), metadata.correlationId(),
                        metadata.causationId(), producer, metadata.actor(), metadata.via()))
                .toList();
        add(envelopes);
        return envelopes;
    }

    /** Writes envelopes already built (the event store's appended events), in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(List<EventEnvelope> envelopes) {
        add(envelopes, envelopes.stream().map(EventJson::toJson).toList());
    }

    /** {@link #add(List)} with each envelope's JSON already written (the event store's, the same bytes). */
    @Transactional(Transactional.TxType.MANDATORY)
    void add(List<EventEnvelope> envelopes, List<String> json) {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "insert into outbox (event_id, topic, record_key, envelope, created_at) values (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < envelopes.size(); i++) {
                EventEnvelope envelope = envelopes.get(i);
                insert.setObject(1, envelope.eventId());
                insert.setString(2, envelope.topic());
                insert.setString(3, envelope.aggregateId());
                insert.setString(4, json.get(i));
                insert.setTimestamp(5, Timestamp.from(now));
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("outbox insert failed", e);
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }
}

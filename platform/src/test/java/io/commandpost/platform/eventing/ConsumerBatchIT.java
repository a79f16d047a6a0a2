package io.commandpost.platform.eventing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.commandpost.events.AlertEvent;
import io.commandpost.events.EventEnvelope;
import io.commandpost.events.EventJson;
import io.commandpost.events.Link;
import io.commandpost.events.Priority;
import io.commandpost.events.Topics;
import io.commandpost.infra.test.LocalInfraResource;
import io.commandpost.infra.test.TestKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The consumer loop applies a poll's events in one transaction; one event that always fails must cost
 * nothing but a retry of its batch: it is dead-lettered, and every other event of the batch is applied
 * exactly once (duplicates included), none lost.
 */
@QuarkusTest
@TestProfile(ConsumerBatchIT.ConsumersRunning.class)
@QuarkusTestResource(value = LocalInfraResource.class,
        initArgs = @ResourceArg(name = LocalInfraResource.DATABASE_ARG, value = "commandpost_platform"))
@Timeout(180)
class ConsumerBatchIT {

    public static class ConsumersRunning implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // gather: 15 times the 200 ms the gathering test takes to send, which a CI machine at load 40 may stretch
            return Map.of("commandpost.consumers.enabled", "true", "commandpost.consumers.retry-backoff", "10ms",
                    "commandpost.consumers.gather", "3s", "commandpost.consumers.prompt-batch", "4");
        }
    }

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    KafkaClients kafka;

    @BeforeEach
    void probeTable() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement create = connection.prepareStatement(BatchProbeConsumer.TABLE);
             PreparedStatement gather = connection.prepareStatement(GatherProbeConsumer.TABLE);
             PreparedStatement prompt = connection.prepareStatement(BatchProbeConsumer.PROMPT_TABLE)) {
            create.execute();
            gather.execute();
            prompt.execute();
        }
    }

    /**
     * A consumer that may wait applies what arrives within its gather time in one transaction, not one per poll;
     * records of types it does not accept are skipped unread (never claimed).
     */
    @Test
    void aConsumerThatMayWaitAppliesEventsArrivingApartTogetherAndSkipsTypesItRefuses() throws Exception {
        String team = "gather-" + UUID.randomUUID().toString().substring(0, 8);
        List<EventEnvelope> received = new ArrayList<>();
        List<EventEnvelope> resolved = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            EventEnvelope alert = envelope(team, "alert-" + i);
            EventEnvelope resolve = resolved(team, "alert-" + i);
            received.add(alert);
            resolved.add(resolve);
            kafka.producer().send(KafkaRecords.of(alert));
            kafka.producer().send(KafkaRecords.of(resolve));
            kafka.producer().flush(); // one at a time, 20 ms apart: a consumer that does not wait polls them apart
            Thread.sleep(20);
        }

        await().atMost(WAIT).until(() -> transactions(team).size() == received.size());
        Map<UUID, Long> applied = transactions(team);
        assertThat(applied.keySet()).containsExactlyInAnyOrderElementsOf(
                received.stream().map(EventEnvelope::eventId).toList());
        assertThat(new java.util.HashSet<>(applied.values())).as("transactions that applied 10 alerts sent over 200 ms")
                .hasSizeLessThanOrEqualTo(3);
        assertThat(claimed(resolved.stream().map(EventEnvelope::eventId).toList())).as("refused types claimed")
                .isZero();
        assertThat(claimed(received.stream().map(EventEnvelope::eventId).toList())).isEqualTo(received.size());
    }

    /**
     * A consumer that does not wait (the page path) applies a backlog in transactions of at most
     * {@code prompt-batch} (4 here) events, so the first event's effects commit without waiting for the last's.
     */
    @Test
    void aConsumerThatDoesNotWaitAppliesABacklogInSmallTransactions() throws Exception {
        String team = "prompt-" + UUID.randomUUID().toString().substring(0, 8);
        List<EventEnvelope> sent = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            sent.add(envelope(team, "alert-" + i));
        }
        // one flush: the consumer polls them together
        for (EventEnvelope envelope : sent) {
            kafka.producer().send(KafkaRecords.of(envelope));
        }
        kafka.producer().flush();

        await().atMost(WAIT).until(() -> transactions("prompt_probe", team).size() == sent.size());
        Map<Long, Long> perTransaction = transactions("prompt_probe", team).values().stream()
                .collect(java.util.stream.Collectors.groupingBy(tx -> tx, java.util.stream.Collectors.counting()));
        assertThat(perTransaction.values()).as("events per transaction").allMatch(count -> count <= 4);
        assertThat(perTransaction).as("40 events, in transactions of at most 4").hasSizeGreaterThanOrEqualTo(10);
    }

    private Map<UUID, Long> transactions(String team) throws SQLException {
        return transactions("gather_probe", team);
    }

    private Map<UUID, Long> transactions(String table, String team) throws SQLException {
        Map<UUID, Long> transactions = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select event_id, tx from " + table + " where team = ?")) {
            select.setString(1, team);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    transactions.put(rs.getObject(1, UUID.class), rs.getLong(2));
                }
            }
        }
        return transactions;
    }

    private int claimed(List<UUID> eventIds) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select count(*) from processed_events where consumer = ? and event_id = any(?)")) {
            select.setString(1, GatherProbeConsumer.NAME);
            select.setArray(2, connection.createArrayOf("uuid", eventIds.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static EventEnvelope resolved(String team, String dedupKey) {
        Instant now = Instant.now();
        AlertEvent.AlertResolved alert = new AlertEvent.AlertResolved(team, "int-1", "alertmanager", dedupKey, now, now);
        return EventEnvelope.wrap(alert, 0, now, UUID.randomUUID(), UUID.randomUUID(), null, "test");
    }

    @Test
    void aPoisonEventInABatchIsDeadLetteredAndEveryOtherEventIsAppliedOnce() throws Exception {
        String team = "batch-" + UUID.randomUUID().toString().substring(0, 8);
        List<EventEnvelope> good = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            good.add(envelope(team, "alert-" + i));
        }
        EventEnvelope poison = envelope(team, "poison");
        List<EventEnvelope> sent = new ArrayList<>(good.subList(0, 15));
        sent.add(poison);
        sent.addAll(good.subList(15, 30));
        sent.add(good.get(3)); // delivered twice
        // one flush: the consumer takes them in as few polls as the broker allows
        for (EventEnvelope envelope : sent) {
            kafka.producer().send(KafkaRecords.of(envelope));
        }
        kafka.producer().flush();

        var dead = TestKafka.awaitRecord(Topics.deadLetter("platform-test"),
                record -> EventJson.fromBytes(record.value()).eventId().equals(poison.eventId()), WAIT);
        assertThat(dead).isNotNull();
        await().atMost(WAIT).until(() -> applied(team).size() == good.size());

        Map<UUID, Integer> applied = applied(team);
        assertThat(applied.keySet()).containsExactlyInAnyOrderElementsOf(good.stream().map(EventEnvelope::eventId).toList());
        assertThat(applied.values()).allMatch(count -> count == 1);
    }

    private Map<UUID, Integer> applied(String team) throws SQLException {
        Map<UUID, Integer> counts = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select event_id from batch_probe where team = ?")) {
            select.setString(1, team);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    counts.merge(rs.getObject(1, UUID.class), 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    private static EventEnvelope envelope(String team, String dedupKey) {
        Instant now = Instant.now();
        AlertEvent.AlertReceived alert = new AlertEvent.AlertReceived(team, "int-1", "alertmanager", dedupKey,
                Priority.P1, "disk full", Map.of("instance", "db-1"), Map.of("alertname", "DiskFull"),
                List.of(new Link("https://runbooks.example.com/disk", "runbook")), now, now);
        return EventEnvelope.wrap(alert, 0, now, UUID.randomUUID(), UUID.randomUUID(), null, "test");
    }
}

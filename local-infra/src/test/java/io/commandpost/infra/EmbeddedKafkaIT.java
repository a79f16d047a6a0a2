package io.commandpost.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.commandpost.events.AlertEvent;
import io.commandpost.events.CloudEventHeaders;
import io.commandpost.events.EventEnvelope;
import io.commandpost.events.Priority;
import io.commandpost.events.Topics;
import io.commandpost.infra.test.TestKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void producedEnvelopeIsReadBackWithKeyAndCloudEventHeaders() {
        EventEnvelope envelope = alertReceived("db-down-" + UUID.randomUUID());

        TestKafka.produce(envelope);

        ConsumerRecord<String, byte[]> record = TestKafka.awaitRecord(Topics.ALERTS,
                r -> envelope.aggregateId().equals(r.key()), TIMEOUT);
        assertThat(TestKafka.envelope(record)).isEqualTo(envelope);
        assertThat(new String(record.headers().lastHeader(CloudEventHeaders.ID).value(), StandardCharsets.UTF_8))
                .isEqualTo(envelope.eventId().toString());
    }

    @Test
    void consumeAllReadsEveryRecordOfACreatedTopicAndNothingOfAMissingOne() {
        String topic = "roundtrip-" + UUID.randomUUID();
        TestKafka.createTopics(topic);
        TestKafka.createTopics(topic); // idempotent

        for (int i = 0; i < 5; i++) {
            TestKafka.produceRaw(topic, "key-" + i, ("value-" + i).getBytes(StandardCharsets.UTF_8));
        }

        List<ConsumerRecord<String, byte[]>> records = TestKafka.consumeAll(topic, TIMEOUT);
        assertThat(records).extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrder("key-0", "key-1", "key-2", "key-3", "key-4");
        assertThat(TestKafka.consumeAll("never-created-" + UUID.randomUUID(), TIMEOUT)).isEmpty();
    }

    @Test
    void stoppedBrokerServesAgainAfterRestart() {
        if (!TestKafka.brokerStoppable()) {
            return; // only the embedded broker can be stopped from a test
        }
        String topic = "restart-" + UUID.randomUUID();
        TestKafka.createTopics(topic);
        TestKafka.produceRaw(topic, "before", new byte[] {1});

        TestKafka.stopBroker();
        try {
            assertThat(KafkaInfra.get().brokerRunning()).isFalse();
        } finally {
            TestKafka.startBroker();
        }
        assertThat(KafkaInfra.get().brokerRunning()).isTrue();

        TestKafka.produceRaw(topic, "after", new byte[] {2});
        assertThat(TestKafka.consumeAll(topic, TIMEOUT)).extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrder("before", "after");
    }

    private static EventEnvelope alertReceived(String dedupKey) {
        Instant at = Instant.parse("2025-03-01T10:15:30Z");
        AlertEvent.AlertReceived event = new AlertEvent.AlertReceived("payments", "prod-prometheus",
                "alertmanager", dedupKey, Priority.P1, "database down", Map.of("runbook", "db"),
                Map.of("severity", "critical"), List.of(), at, at);
        return EventEnvelope.wrap(event, 0, at, UUID.randomUUID(), UUID.randomUUID(), null, "local-infra-test");
    }
}

package io.commandpost.ingest.support;

import io.commandpost.events.EventEnvelope;
import io.commandpost.events.Topics;
import io.commandpost.infra.test.TestKafka;
import java.time.Duration;
import java.util.List;

/** What one integration put on the alerts topic (tests share the broker, so they filter by their integration). */
public final class AlertTopic {

    private AlertTopic() {
    }

    /** Everything on the topic right now: since 202 is only sent after the acks, no waiting is needed. */
    public static List<EventEnvelope> eventsOf(String integrationId) {
        return TestKafka.consumeAll(Topics.ALERTS, Duration.ofSeconds(30)).stream()
                .map(TestKafka::envelope)
                .filter(envelope -> integrationId.equals(envelope.data().path("integration").asText()))
                .toList();
    }
}

package io.commandpost.ingest.support;

import io.commandpost.events.EventEnvelope;
import io.commandpost.infra.test.TestKafka;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** Envelopes of any topic, filtered (tests share the broker). */
public final class Topic {

    private Topic() {
    }

    public static List<EventEnvelope> envelopes(String topic, Predicate<EventEnvelope> filter) {
        return TestKafka.consumeAll(topic, Duration.ofSeconds(30)).stream().map(TestKafka::envelope).filter(filter)
                .toList();
    }

    public static Predicate<EventEnvelope> dataField(String field, String value) {
        return envelope -> value.equals(envelope.data().path(field).asText(null));
    }
}

package io.commandpost.incident.queue;

import io.commandpost.events.DomainEvent;
import io.commandpost.events.EventEnvelope;
import io.commandpost.infra.test.TestKafka;
import java.util.UUID;

/** Wraps test events as producers upstream would, and puts them on their topic. */
final class Envelopes {

    private Envelopes() {
    }

    static EventEnvelope envelope(DomainEvent event) {
        return EventEnvelope.wrap(event, 0, Events.T0, UUID.randomUUID(), UUID.randomUUID(), null, "test");
    }

    static EventEnvelope produce(DomainEvent event) {
        EventEnvelope envelope = envelope(event);
        TestKafka.produce(envelope);
        return envelope;
    }
}

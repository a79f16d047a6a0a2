package io.commandpost.ingest.intake;

import io.commandpost.events.DomainEvent;
import io.commandpost.events.EventEnvelope;
import io.commandpost.platform.config.PlatformConfig;
import io.commandpost.platform.eventing.DurablePublisher;
import io.commandpost.platform.eventing.EventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Wraps intake events (version 0: alerts and questions are not event-sourced here) and returns only
 * once the broker acknowledged all of them; otherwise {@code EventBusUnavailableException} → 503.
 */
@ApplicationScoped
public class EventPublisher {

    private final DurablePublisher publisher;
    private final Clock clock;
    private final String producer;

    EventPublisher(DurablePublisher publisher, Clock clock, PlatformConfig config) {
        this.publisher = publisher;
        this.clock = clock;
        this.producer = config.serviceName();
    }

    public List<EventEnvelope> publish(List<? extends DomainEvent> events, EventMetadata metadata) {
        Instant now = clock.instant();
        List<EventEnvelope> envelopes = events.stream()
                .map(event -> EventEnvelope.wrap(event, 0, now, UUID.randomUUID(), metadata.correlationId(),
                        metadata.causationId(), producer))
                .toList();
        if (!envelopes.isEmpty()) {
            publisher.publish(envelopes);
        }
        return envelopes;
    }
}

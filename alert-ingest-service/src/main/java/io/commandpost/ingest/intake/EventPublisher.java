package io.commandpost.ingest.intake;

import io.commandpost.events.DomainEvent;
import io.commandpost.events.EventEnvelope;
import io.commandpost.platform.config.PlatformConfig;
import io.commandpost.platform.eventing.DurablePublisher;
import io.commandpost.platform.eventing.EventBusUnavailableException;
import io.commandpost.platform.eventing.EventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps intake events (version 0: alerts and questions are not event-sourced here) and returns only
 * once the broker acknowledged all of them; otherwise {@code EventBusUnavailableException} → 503.
 * At most {@code commandpost.ingest.max-in-flight} publishes run at once ({@link IntakeLimiter}).
 */
@ApplicationScoped
public class EventPublisher {

    /** The integration tag of events that came in with an API key rather than an integration. */
    public static final String API = "api";

    private final DurablePublisher publisher;
    private final IntakeLimiter limiter;
    private final IntakeMetrics metrics;
    private final RepeatTracker repeats;
    private final Clock clock;
    private final String producer;

    EventPublisher(DurablePublisher publisher, IntakeLimiter limiter, IntakeMetrics metrics, RepeatTracker repeats,
                   Clock clock, PlatformConfig config) {
        this.publisher = publisher;
        this.limiter = limiter;
        this.metrics = metrics;
        this.repeats = repeats;
        this.clock = clock;
        this.producer = config.serviceName();
    }

    public List<EventEnvelope> publish(List<? extends DomainEvent> events, EventMetadata metadata) {
        return publish(API, events, metadata);
    }

    public List<EventEnvelope> publish(String integration, List<? extends DomainEvent> events, EventMetadata metadata) {
        if (events.isEmpty()) {
            return List.of();
        }
        try {
            limiter.acquire();
        } catch (IntakeSaturatedException e) {
            metrics.count(integration, IntakeMetrics.Outcome.REJECTED, events.size());
            throw e;
        }
        AtomicInteger inFlight = metrics.inFlight(integration);
        inFlight.incrementAndGet();
        try {
            Instant now = clock.instant();
            List<EventEnvelope> envelopes = events.stream()
                    .map(event -> EventEnvelope.wrap(event, 0, now, EventIds.next(), metadata.correlationId(),
                            metadata.causationId(), producer))
                    .toList();
            publisher.publish(envelopes);
            metrics.count(integration, IntakeMetrics.Outcome.ACCEPTED, envelopes.size());
            metrics.count(integration, IntakeMetrics.Outcome.DEDUPLICATED, repeats.repeats(events));
            return envelopes;
        } catch (EventBusUnavailableException e) {
            metrics.count(integration, IntakeMetrics.Outcome.REJECTED, events.size());
            throw e;
        } finally {
            inFlight.decrementAndGet();
            limiter.release();
        }
    }
}

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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps intake events (version 0: alerts and questions are not event-sourced here) and returns only
 * once the broker acknowledged all of them; otherwise {@code EventBusUnavailableException} → 503.
 * At most {@code commandpost.ingest.max-in-flight} publishes run at once ({@link IntakeLimiter}).
 * {@link #publishAsync} is the same without a thread waiting for the broker (the webhooks' event-loop path).
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
            List<EventEnvelope> envelopes = wrap(events, metadata);
            publisher.publish(envelopes);
            countAccepted(integration, events);
            return envelopes;
        } catch (EventBusUnavailableException e) {
            metrics.count(integration, IntakeMetrics.Outcome.REJECTED, events.size());
            throw e;
        } finally {
            inFlight.decrementAndGet();
            limiter.release();
        }
    }

    /**
     * The non-blocking {@link #publish}: completes with the envelopes once the broker acknowledged all of
     * them, or fails with {@link IntakeSaturatedException} or {@code EventBusUnavailableException}. A free
     * in-flight permit is taken at once; when none is free and {@code acquire-timeout} is above zero, the
     * wait for one happens on {@code mayBlock} (a worker thread), never on the caller's. The future
     * completes on the producer's I/O thread.
     */
    public CompletableFuture<List<EventEnvelope>> publishAsync(String integration, List<? extends DomainEvent> events,
                                                               EventMetadata metadata, Executor mayBlock) {
        if (events.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        if (limiter.tryAcquire()) {
            return publishHolding(integration, events, metadata, mayBlock);
        }
        if (!limiter.waits()) {
            return saturated(integration, events);
        }
        CompletableFuture<Void> permit;
        try {
            permit = CompletableFuture.runAsync(limiter::acquire, mayBlock);
        } catch (RuntimeException e) {
            return saturated(integration, events);
        }
        return permit.whenComplete((acquired, error) -> {
            if (error != null) {
                metrics.count(integration, IntakeMetrics.Outcome.REJECTED, events.size());
            }
        }).thenCompose(acquired -> publishHolding(integration, events, metadata, mayBlock));
    }

    private <T> CompletableFuture<T> saturated(String integration, List<? extends DomainEvent> events) {
        metrics.count(integration, IntakeMetrics.Outcome.REJECTED, events.size());
        return CompletableFuture.failedFuture(new IntakeSaturatedException(limiter.retryAfterSeconds()));
    }

    /** Publishes with a permit already taken; gives it back when the outcome is known. */
    private CompletableFuture<List<EventEnvelope>> publishHolding(String integration, List<? extends DomainEvent> events,
                                                                  EventMetadata metadata, Executor mayBlock) {
        AtomicInteger inFlight = metrics.inFlight(integration);
        inFlight.incrementAndGet();
        List<EventEnvelope> envelopes;
        CompletableFuture<?> acks;
        try {
            envelopes = wrap(events, metadata);
            acks = publisher.publishAsync(envelopes, mayBlock);
        } catch (RuntimeException e) {
            inFlight.decrementAndGet();
            limiter.release();
            throw e;
        }
        return acks.handle((ignored, error) -> {
            inFlight.decrementAndGet();
            limiter.release();
            if (error != null) {
                metrics.count(integration, IntakeMetrics.Outcome.REJECTED, events.size());
                throw error instanceof CompletionException completion ? completion : new CompletionException(error);
            }
            countAccepted(integration, events);
            return envelopes;
        });
    }

    private List<EventEnvelope> wrap(List<? extends DomainEvent> events, EventMetadata metadata) {
        Instant now = clock.instant();
        return events.stream()
                .map(event -> EventEnvelope.wrap(event, 0, now, EventIds.next(), metadata.correlationId(),
                        metadata.causationId(), producer, metadata.actor(), metadata.via()))
                .toList();
    }

    private void countAccepted(String integration, List<? extends DomainEvent> events) {
        metrics.count(integration, IntakeMetrics.Outcome.ACCEPTED, events.size());
        metrics.count(integration, IntakeMetrics.Outcome.DEDUPLICATED, repeats.repeats(events));
    }
}

package io.commandpost.ingest.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.commandpost.events.DomainEvent;
import io.commandpost.events.EventEnvelope;
import io.commandpost.ingest.intake.EventPublisher;
import io.commandpost.ingest.intake.IntakeContext;
import io.commandpost.ingest.intake.Quarantine;
import io.commandpost.ingest.intake.RejectedBodyException;
import io.commandpost.ingest.intake.StrictJson;
import io.commandpost.platform.http.RequestMetadata;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;

/**
 * The common path of every JSON webhook: parse strictly, map, publish durably, answer 202 (or quarantine and 400);
 * {@link #acceptAsync} does it without a thread waiting for the broker.
 */
@RequestScoped
public class WebhookIntake {

    private final CurrentIntegration current;
    private final EventPublisher publisher;
    private final Quarantine quarantine;
    private final RequestMetadata request;
    private final Clock clock;

    WebhookIntake(CurrentIntegration current, EventPublisher publisher, Quarantine quarantine,
                  RequestMetadata request, Clock clock) {
        this.current = current;
        this.publisher = publisher;
        this.quarantine = quarantine;
        this.request = request;
        this.clock = clock;
    }

    public IntakeContext context() {
        return current.get().intakeAt(clock.instant());
    }

    /** Parses and maps a body; a rejected one is copied to the quarantine topic before the 400 leaves. */
    private <T> T read(IntakeContext context, String format, MediaType contentType, byte[] body,
                       BiFunction<JsonNode, IntakeContext, T> mapper, Executor quarantineSendsOn) {
        try {
            return mapper.apply(StrictJson.parse(body, StrictJson.charsetOf(contentType)), context);
        } catch (RejectedBodyException e) {
            quarantine.keep(context, format, contentType == null ? null : contentType.toString(), body, e.problem(),
                    quarantineSendsOn);
            throw e;
        }
    }

    public List<EventEnvelope> publish(List<? extends DomainEvent> events) {
        return publisher.publish(current.get().id().toString(), events, request.metadata());
    }

    /**
     * The contract's answer, 202 {@code {"accepted": n, "eventIds": [...]}}, sent only after the broker's
     * acknowledgement, with no thread waiting for it: the body is parsed and mapped on the calling thread
     * (the event loop), the events are sent, and the 202 is made when the last ack arrives. Refusals: 400
     * (quarantined; thrown here), 503 + Retry-After when the in-flight bound is reached or the broker does
     * not acknowledge within the ack timeout (a failed {@code Uni}). What may block (the wait for an
     * in-flight permit, a send to a topic the producer has no metadata for yet, the quarantine copy) runs
     * on a worker thread.
     */
    public Uni<Response> acceptAsync(String format, MediaType contentType, byte[] body,
                                     BiFunction<JsonNode, IntakeContext, List<? extends DomainEvent>> mapper) {
        Executor workers = Infrastructure.getDefaultWorkerPool();
        IntakeContext context = context();
        List<? extends DomainEvent> events = read(context, format, contentType, body, mapper, workers);
        CompletableFuture<List<EventEnvelope>> published =
                publisher.publishAsync(context.integrationId(), events, request.metadata(), workers);
        return Uni.createFrom().emitter(emitter -> published.whenComplete((envelopes, error) -> {
            if (error == null) {
                emitter.complete(accepted(envelopes));
            } else {
                emitter.fail(error instanceof CompletionException && error.getCause() != null ? error.getCause() : error);
            }
        }));
    }

    private static Response accepted(List<EventEnvelope> published) {
        return Response.accepted(Map.of("accepted", published.size(),
                "eventIds", published.stream().map(EventEnvelope::eventId).toList())).build();
    }
}

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
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** The common path of every JSON webhook: parse strictly, map, publish durably, answer 202 (or quarantine and 400). */
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
        return IntakeContext.of(current.get(), clock.instant());
    }

    /** Parses and maps a body; a rejected one is copied to the quarantine topic before the 400 leaves. */
    public <T> T read(IntakeContext context, String format, MediaType contentType, byte[] body,
                      BiFunction<JsonNode, IntakeContext, T> mapper) {
        try {
            return mapper.apply(StrictJson.parse(body, StrictJson.charsetOf(contentType)), context);
        } catch (RejectedBodyException e) {
            quarantine.keep(context, format, contentType == null ? null : contentType.toString(), body, e.problem());
            throw e;
        }
    }

    public List<EventEnvelope> publish(List<? extends DomainEvent> events) {
        return publisher.publish(current.get().id().toString(), events, request.metadata());
    }

    /** The contract's answer: 202 {@code {"accepted": n, "eventIds": [...]}}, sent only after the acks. */
    public Response accept(String format, MediaType contentType, byte[] body,
                           BiFunction<JsonNode, IntakeContext, List<? extends DomainEvent>> mapper) {
        IntakeContext context = context();
        List<EventEnvelope> published = publish(read(context, format, contentType, body, mapper));
        return Response.accepted(Map.of("accepted", published.size(),
                "eventIds", published.stream().map(EventEnvelope::eventId).toList())).build();
    }
}

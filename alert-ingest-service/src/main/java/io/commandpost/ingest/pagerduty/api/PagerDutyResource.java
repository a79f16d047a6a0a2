package io.commandpost.ingest.pagerduty.api;

import jakarta.annotation.security.PermitAll;
import com.fasterxml.jackson.databind.JsonNode;
import io.commandpost.ingest.integration.Integration;
import io.commandpost.ingest.integration.IntegrationType;
import io.commandpost.ingest.integration.Integrations;
import io.commandpost.ingest.intake.EventPublisher;
import io.commandpost.ingest.intake.IntakeContext;
import io.commandpost.ingest.intake.Quarantine;
import io.commandpost.ingest.intake.RejectedBodyException;
import io.commandpost.ingest.intake.StrictJson;
import io.commandpost.ingest.pagerduty.PagerDutyChangeMapper;
import io.commandpost.ingest.pagerduty.PagerDutyEvent;
import io.commandpost.ingest.pagerduty.PagerDutyMapper;
import io.commandpost.ingest.webhook.CurrentIntegration;
import io.commandpost.ingest.webhook.RecordedDelivery;
import io.commandpost.platform.http.Problem;
import io.commandpost.platform.http.RequestMetadata;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * PagerDuty Events API v2, drop-in: same paths, bodies and answers as {@code events.pagerduty.com},
 * with {@code routing_key} = the integration's token. The key travels in the body, so here (unlike
 * the header-authenticated webhooks) the bounded strict parse comes first; only authenticated
 * bodies are quarantined. Acknowledge becomes {@code alert.acknowledged}; change events become
 * {@code change.recorded} on the changes topic (the routing key, a credential, is copied nowhere).
 */
@Path("/v2")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@PermitAll // checks its own per-integration credentials (ADR 0023)
@RecordedDelivery
public class PagerDutyResource {

    private final Integrations integrations;
    private final EventPublisher publisher;
    private final Quarantine quarantine;
    private final RequestMetadata request;
    private final Clock clock;
    private final CurrentIntegration current;

    PagerDutyResource(Integrations integrations, EventPublisher publisher, Quarantine quarantine, RequestMetadata request,
                      Clock clock, CurrentIntegration current) {
        this.current = current;
        this.integrations = integrations;
        this.publisher = publisher;
        this.quarantine = quarantine;
        this.request = request;
        this.clock = clock;
    }

    @POST
    @Path("/enqueue")
    public Response enqueue(byte[] body, @Context HttpHeaders headers) {
        return withRoutingKey(body, headers, (tree, context) -> {
            PagerDutyEvent event = PagerDutyMapper.map(tree, context, PagerDutyResource::newDedupKey);
            if (!event.valid()) {
                quarantine.keep(context, PagerDutyMapper.SOURCE, String.valueOf(headers.getMediaType()), body,
                        Problem.badRequest(String.join("; ", event.errors())));
                return invalid(event.errors());
            }
            publisher.publish(context.integrationId(), List.of(event.alertEvent().orElseThrow()), request.metadata());
            return Response.accepted(ordered("status", "success", "message", "Event processed",
                    "dedup_key", event.dedupKey())).build();
        });
    }

    @POST
    @Path("/change/enqueue")
    public Response enqueueChange(byte[] body, @Context HttpHeaders headers) {
        return withRoutingKey(body, headers, (tree, context) -> {
            PagerDutyChangeMapper.Result change = PagerDutyChangeMapper.map(tree, context, UUID.randomUUID());
            if (!change.valid()) {
                quarantine.keep(context, "pagerduty.change", String.valueOf(headers.getMediaType()), body,
                        Problem.badRequest(String.join("; ", change.errors())));
                return invalid(change.errors());
            }
            publisher.publish(context.integrationId(), List.of(change.change()), request.metadata());
            return Response.accepted(ordered("status", "success", "message", "Change event processed")).build();
        });
    }

    /** Parses the body and recognises its routing key, answering as PagerDuty does when either fails. */
    private Response withRoutingKey(byte[] body, HttpHeaders headers,
                                    BiFunction<JsonNode, IntakeContext, Response> then) {
        Optional<JsonNode> tree = parse(body, headers);
        if (tree.isEmpty()) {
            return unrecognized();
        }
        Optional<Integration> integration = authenticate(tree.get());
        if (integration.isEmpty()) {
            return invalid(List.of("Invalid routing key"));
        }
        current.set(integration.get());
        return then.apply(tree.get(), integration.get().intakeAt(clock.instant()));
    }

    private Optional<JsonNode> parse(byte[] body, HttpHeaders headers) {
        try {
            JsonNode tree = StrictJson.parse(body, StrictJson.charsetOf(headers.getMediaType()));
            return tree.isObject() ? Optional.of(tree) : Optional.empty();
        } catch (RejectedBodyException e) {
            return Optional.empty();
        }
    }

    private Optional<Integration> authenticate(JsonNode tree) {
        JsonNode key = tree.get("routing_key");
        return integrations.authenticate(key != null && key.isTextual() ? key.asText() : null)
                .filter(integration -> integration.type() == IntegrationType.PAGERDUTY);
    }

    private static String newDedupKey() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    static Response unrecognized() {
        return Response.status(400).type(MediaType.APPLICATION_JSON).entity(ordered("status", "Unrecognized object",
                "message", "Event object format is unrecognized", "errors", List.of("JSON parse error"))).build();
    }

    static Response invalid(List<String> errors) {
        return Response.status(400).type(MediaType.APPLICATION_JSON).entity(ordered("status", "invalid event",
                "message", "Event object is invalid", "errors", errors)).build();
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}

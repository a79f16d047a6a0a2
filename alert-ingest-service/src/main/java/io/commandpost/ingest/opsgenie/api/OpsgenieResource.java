package io.commandpost.ingest.opsgenie.api;

import jakarta.annotation.security.PermitAll;
import com.fasterxml.jackson.databind.JsonNode;
import io.commandpost.ingest.heartbeat.Heartbeats;
import io.commandpost.ingest.intake.EventPublisher;
import io.commandpost.ingest.intake.IntakeContext;
import io.commandpost.ingest.intake.Quarantine;
import io.commandpost.ingest.intake.RejectedBodyException;
import io.commandpost.ingest.intake.StrictJson;
import io.commandpost.ingest.integration.Integration;
import io.commandpost.ingest.integration.IntegrationType;
import io.commandpost.ingest.integration.Integrations;
import io.commandpost.ingest.opsgenie.OpsgenieMapper;
import io.commandpost.ingest.opsgenie.OpsgenieRequests;
import io.commandpost.ingest.webhook.CurrentIntegration;
import io.commandpost.ingest.webhook.RecordedDelivery;
import io.commandpost.platform.http.Problem;
import io.commandpost.platform.http.RequestIds;
import io.commandpost.platform.http.RequestMetadata;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Opsgenie Alert API, drop-in: tools configured for Opsgenie (Alertmanager {@code opsgenie_configs.api_url},
 * Grafana's Opsgenie contact point {@code apiUrl}, scripts) work by changing only the URL. The integration's
 * token is the {@code GenieKey}; answers and errors are Opsgenie's ({@code result}/{@code message},
 * {@code took}, {@code requestId} = this request's {@code X-Request-Id}). Acknowledge, close and notes answer
 * 202 even for an alias never seen (senders drop other 4xx). See ADR 0015.
 */
@Path("/v2")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Opsgenie drop-in", description = "Opsgenie Alert API: Authorization: GenieKey <integration token>")
@PermitAll // checks its own per-integration credentials (ADR 0023)
@RecordedDelivery
public class OpsgenieResource {

    static final String GENIE_KEY = "GenieKey ";

    private final Integrations integrations;
    private final EventPublisher publisher;
    private final Quarantine quarantine;
    private final OpsgenieRequests requests;
    private final Heartbeats heartbeats;
    private final RequestMetadata request;
    private final Clock clock;
    private final CurrentIntegration current;

    OpsgenieResource(Integrations integrations, EventPublisher publisher, Quarantine quarantine,
                     OpsgenieRequests requests, Heartbeats heartbeats, RequestMetadata request, Clock clock,
                     CurrentIntegration current) {
        this.current = current;
        this.integrations = integrations;
        this.publisher = publisher;
        this.quarantine = quarantine;
        this.requests = requests;
        this.heartbeats = heartbeats;
        this.request = request;
        this.clock = clock;
    }

    @POST
    @Path("/alerts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an alert; the alias is the dedup key (202 Request will be processed)")
    public Response create(byte[] body, @Context HttpHeaders headers, @Context RoutingContext routing,
                           @QueryParam("apiKey") String apiKey) {
        return handle(body, headers, routing, apiKey, "Create", "Created alert", OpsgenieMapper::create);
    }

    @POST
    @Path("/alerts/{identifier}/acknowledge")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Acknowledge an alert by id (= alias), alias or tiny id; 202 even when unknown")
    public Response acknowledge(@PathParam("identifier") String identifier,
                                @QueryParam("identifierType") @DefaultValue("id") String identifierType,
                                byte[] body, @Context HttpHeaders headers, @Context RoutingContext routing,
                                @QueryParam("apiKey") String apiKey) {
        return onAlert(identifier, identifierType, body, headers, routing, apiKey, "Acknowledge", "Acknowledged",
                OpsgenieMapper::acknowledge);
    }

    @POST
    @Path("/alerts/{identifier}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Close an alert by id (= alias), alias or tiny id; 202 even when unknown")
    public Response close(@PathParam("identifier") String identifier,
                          @QueryParam("identifierType") @DefaultValue("id") String identifierType,
                          byte[] body, @Context HttpHeaders headers, @Context RoutingContext routing,
                          @QueryParam("apiKey") String apiKey) {
        return onAlert(identifier, identifierType, body, headers, routing, apiKey, "Close", "Closed",
                OpsgenieMapper::close);
    }

    @POST
    @Path("/alerts/{identifier}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a note to an alert")
    public Response notes(@PathParam("identifier") String identifier,
                          @QueryParam("identifierType") @DefaultValue("id") String identifierType,
                          byte[] body, @Context HttpHeaders headers, @Context RoutingContext routing,
                          @QueryParam("apiKey") String apiKey) {
        return onAlert(identifier, identifierType, body, headers, routing, apiKey, "AddNote", "Added note",
                OpsgenieMapper::note);
    }

    @PUT
    @Path("/alerts/{identifier}/message")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response message(@PathParam("identifier") String identifier,
                            @QueryParam("identifierType") @DefaultValue("id") String identifierType,
                            byte[] body, @Context HttpHeaders headers, @Context RoutingContext routing,
                            @QueryParam("apiKey") String apiKey) {
        return onAlert(identifier, identifierType, body, headers, routing, apiKey, "UpdateMessage", "Updated message",
                OpsgenieMapper::message);
    }

    @PUT
    @Path("/alerts/{identifier}/description")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response description(@PathParam("identifier") String identifier,
                                @QueryParam("identifierType") @DefaultValue("id") String identifierType,
                                byte[] body, @Context HttpHeaders headers, @Context RoutingContext routing,
                                @QueryParam("apiKey") String apiKey) {
        return onAlert(identifier, identifierType, body, headers, routing, apiKey, "UpdateDescription",
                "Updated description", OpsgenieMapper::description);
    }

    @GET
    @Path("/alerts/requests/{requestId}")
    public Response requestStatus(@PathParam("requestId") String requestId, @Context HttpHeaders headers,
                                  @Context RoutingContext routing, @QueryParam("apiKey") String apiKey) {
        long started = System.nanoTime();
        String id = RequestIds.of(routing);
        Optional<Integration> integration = authenticate(headers, apiKey, IntegrationType.OPSGENIE);
        if (integration.isEmpty()) {
            return unauthorized(id, started);
        }
        return requests.find(requestId, integration.get().id().toString())
                .map(status -> {
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("success", status.success());
                    data.put("action", status.action());
                    data.put("processedAt", status.processedAt().toString());
                    data.put("integrationId", status.integrationId());
                    data.put("isSuccess", status.success());
                    data.put("status", status.status());
                    data.put("alertId", status.alertId());
                    data.put("alias", status.alias());
                    return Response.ok(body("data", data, "took", took(started), "requestId", id)).build();
                })
                .orElseGet(() -> error(404, "Request not found. It might not be processed, yet.", null, id, started));
    }

    @GET
    @Path("/heartbeats/{name}/ping")
    public Response pingByGet(@PathParam("name") String name, @Context HttpHeaders headers,
                              @Context RoutingContext routing, @QueryParam("apiKey") String apiKey) {
        return ping(name, headers, routing, apiKey);
    }

    @POST
    @Path("/heartbeats/{name}/ping")
    public Response pingByPost(@PathParam("name") String name, @Context HttpHeaders headers,
                               @Context RoutingContext routing, @QueryParam("apiKey") String apiKey) {
        return ping(name, headers, routing, apiKey);
    }

    /** The name is the sender's; the GenieKey (a heartbeat integration's token) says which switch it pings. */
    private Response ping(String name, HttpHeaders headers, RoutingContext routing, String apiKey) {
        long started = System.nanoTime();
        String id = RequestIds.of(routing);
        Optional<Integration> integration = authenticate(headers, apiKey, IntegrationType.HEARTBEAT);
        if (integration.isEmpty()) {
            return unauthorized(id, started);
        }
        heartbeats.ping(integration.get(), request.metadata());
        return Response.accepted(body("result", "PONG - Heartbeat received", "took", took(started), "requestId", id))
                .build();
    }

    private interface AlertAction {
        OpsgenieMapper.Result apply(String alias, JsonNode body, IntakeContext context);
    }

    private Response onAlert(String identifier, String identifierType, byte[] body, HttpHeaders headers,
                             RoutingContext routing, String apiKey, String action, String done, AlertAction mapper) {
        String type = identifierType == null ? "id" : identifierType.trim().toLowerCase(Locale.ROOT);
        if (!type.equals("id") && !type.equals("alias") && !type.equals("tiny")) {
            long started = System.nanoTime();
            return error(422, "Request body is not processable. Please check the errors.",
                    Map.of("identifierType", "Identifier type should be one of [id, alias, tiny]."),
                    RequestIds.of(routing), started);
        }
        // an alert's id is its alias (ADR 0015); tiny ids are not issued here, so nothing can be acted on by one
        return handle(body, headers, routing, apiKey, action, done, (tree, context) -> type.equals("tiny")
                ? new OpsgenieMapper.Result(java.util.List.of(), Map.of(), null)
                : mapper.apply(identifier, tree, context));
    }

    private Response handle(byte[] body, HttpHeaders headers, RoutingContext routing, String apiKey, String action,
                            String done, BiFunction<JsonNode, IntakeContext, OpsgenieMapper.Result> mapper) {
        long started = System.nanoTime();
        String id = RequestIds.of(routing);
        Optional<Integration> integration = authenticate(headers, apiKey, IntegrationType.OPSGENIE);
        if (integration.isEmpty()) {
            return unauthorized(id, started);
        }
        IntakeContext context = integration.get().intakeAt(clock.instant());
        JsonNode tree;
        try {
            tree = body == null || body.length == 0 ? StrictJson.mapper().createObjectNode()
                    : StrictJson.parse(body, StrictJson.charsetOf(headers.getMediaType()));
        } catch (RejectedBodyException e) {
            keep(context, headers, body, e.problem());
            return error(400, "Could not parse JSON: " + e.problem().detail(), null, id, started);
        }
        OpsgenieMapper.Result result = mapper.apply(tree, context);
        if (!result.valid()) {
            keep(context, headers, body, Problem.badRequest(String.join("; ", result.errors().values())));
            return error(422, "Request body is not processable. Please check the errors.", result.errors(), id,
                    started);
        }
        if (!result.events().isEmpty()) {
            publisher.publish(context.integrationId(), result.events(), request.metadata());
        }
        boolean acted = result.alias() != null;
        requests.record(id, new OpsgenieRequests.Status(context.integrationId(), action, acted,
                acted ? done : "Alert does not exist", result.alias(), result.alias(), clock.instant()));
        return Response.accepted(body("result", "Request will be processed", "took", took(started), "requestId", id))
                .build();
    }

    private void keep(IntakeContext context, HttpHeaders headers, byte[] body, Problem reason) {
        quarantine.keep(context, OpsgenieMapper.SOURCE, String.valueOf(headers.getMediaType()),
                body == null ? new byte[0] : body, reason);
    }

    /** {@code Authorization: GenieKey <token>}, or the legacy {@code ?apiKey=} some senders still use. */
    private Optional<Integration> authenticate(HttpHeaders headers, String apiKey, IntegrationType type) {
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        String token = null;
        if (authorization != null && authorization.regionMatches(true, 0, GENIE_KEY, 0, GENIE_KEY.length())) {
            token = authorization.substring(GENIE_KEY.length()).trim();
        } else if (apiKey != null && !apiKey.isBlank()) {
            token = apiKey.trim();
        }
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        Optional<Integration> found = integrations.authenticate(token).filter(integration -> integration.type() == type);
        found.ifPresent(current::set);
        return found;
    }

    private static Response unauthorized(String requestId, long started) {
        return error(401, "Could not authenticate", null, requestId, started);
    }

    static Response error(int status, String message, Map<String, String> errors, String requestId, long started) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        if (errors != null && !errors.isEmpty()) {
            body.put("errors", errors);
        }
        body.put("took", took(started));
        body.put("requestId", requestId);
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }

    private static double took(long startedNanos) {
        return Math.round((System.nanoTime() - startedNanos) / 1_000.0) / 1_000_000.0;
    }

    private static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}

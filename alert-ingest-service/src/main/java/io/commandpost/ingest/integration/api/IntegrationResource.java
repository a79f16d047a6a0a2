package io.commandpost.ingest.integration.api;

import io.commandpost.events.Priority;
import io.commandpost.ingest.generic.GenericMapping;
import io.commandpost.ingest.integration.IntegrationSettings;
import io.commandpost.ingest.integration.IntegrationType;
import io.commandpost.ingest.integration.Integrations;
import io.commandpost.platform.http.InvalidInputException;
import io.commandpost.platform.http.Problem;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Integrations of teams (API key). Tokens are shown once, at creation and at rotation. */
@Path("/v1/integrations")
@Produces(MediaType.APPLICATION_JSON)
public class IntegrationResource {

    static final int MAX_HEARTBEAT_MINUTES = 7 * 24 * 60;

    private final Integrations integrations;

    IntegrationResource(Integrations integrations) {
        this.integrations = integrations;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(IntegrationRequest request) {
        if (request == null) {
            throw InvalidInputException.field("", "a JSON object with team, type and name is required");
        }
        String team = required("/team", request.team());
        String name = required("/name", request.name());
        IntegrationType type = IntegrationType.fromWireName(required("/type", request.type()))
                .orElseThrow(() -> InvalidInputException.field("/type",
                        "unknown type '" + request.type() + "'; one of " + IntegrationType.wireNames()));
        Priority priority = null;
        if (request.defaultPriority() != null) {
            priority = Priority.fromSeverity(request.defaultPriority())
                    .orElseThrow(() -> InvalidInputException.field("/defaultPriority", "must be one of P1..P5"));
        }
        String secret = null;
        IntegrationSettings settings = IntegrationSettings.NONE;
        switch (type) {
            case SLACK:
                secret = required("/signingSecret", request.signingSecret());
                settings = new IntegrationSettings(channels(request.channels()), null, null);
                break;
            case GENERIC:
                GenericMapping.parse(request.mapping(), "/mapping", request.sample());
                settings = new IntegrationSettings(null, request.mapping(), null);
                break;
            case HEARTBEAT:
                Integer interval = request.intervalMinutes();
                if (interval == null || interval < 1 || interval > MAX_HEARTBEAT_MINUTES) {
                    throw InvalidInputException.field("/intervalMinutes",
                            "a heartbeat needs the expected interval in minutes, 1.." + MAX_HEARTBEAT_MINUTES);
                }
                settings = new IntegrationSettings(null, null, interval);
                break;
            default:
                break;
        }
        Integrations.WithToken created = integrations.create(team, type, name, priority, settings, secret);
        return Response.created(URI.create("/v1/integrations/" + created.integration().id()))
                .entity(IntegrationView.withToken(created.integration(), created.token())).build();
    }

    @GET
    public Map<String, List<IntegrationView>> list(@QueryParam("team") String team) {
        return Map.of("items", integrations.list(team).stream().map(IntegrationView::of).toList());
    }

    @GET
    @Path("/{id}")
    public IntegrationView get(@PathParam("id") String id) {
        return integrations.find(parseId(id)).map(IntegrationView::of).orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("/{id}/token")
    public IntegrationView rotateToken(@PathParam("id") String id) {
        return integrations.rotateToken(parseId(id))
                .map(rotated -> IntegrationView.withToken(rotated.integration(), rotated.token()))
                .orElseThrow(() -> notFound(id));
    }

    @DELETE
    @Path("/{id}")
    public Response revoke(@PathParam("id") String id) {
        if (!integrations.revoke(parseId(id))) {
            throw notFound(id);
        }
        return Response.noContent().build();
    }

    private static Map<String, String> channels(Map<String, String> channels) {
        if (channels == null) {
            return Map.of();
        }
        Map<String, String> checked = new java.util.LinkedHashMap<>();
        channels.forEach((channel, team) -> checked.put(channel.trim(),
                required("/channels/" + channel.replace("~", "~0").replace("/", "~1"), team)));
        return checked;
    }

    private static String required(String pointer, String value) {
        if (value == null || value.isBlank()) {
            throw InvalidInputException.field(pointer, "is required");
        }
        return value.trim();
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound(id);
        }
    }

    private static RuntimeException notFound(String id) {
        return Problem.notFound("no live integration " + id).exception();
    }
}

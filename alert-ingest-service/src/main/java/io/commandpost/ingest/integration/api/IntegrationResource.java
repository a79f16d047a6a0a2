package io.commandpost.ingest.integration.api;

import io.commandpost.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.commandpost.ingest.intake.StrictJson;
import io.commandpost.ingest.integration.Integration;
import io.commandpost.ingest.integration.IntegrationType;
import io.commandpost.ingest.integration.Integrations;
import io.commandpost.ingest.integration.RecentDeliveries;
import io.commandpost.platform.audit.ConfigurationAudit;
import io.commandpost.platform.http.IfMatch;
import io.commandpost.platform.http.InvalidInputException;
import io.commandpost.platform.http.Problem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Integrations of teams (API key). Tokens are shown once, at creation and at rotation; the ETag is the version. */
@Path("/v1/integrations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "integrations")
public class IntegrationResource {

    static final String MERGE_PATCH_JSON = "application/merge-patch+json";
    static final String AUDITED = "integration";
    static final int DEFAULT_DELIVERIES = 50;

    private final Integrations integrations;
    private final ConfigurationAudit audit;
    private final RecentDeliveries deliveries;

    IntegrationResource(Integrations integrations, ConfigurationAudit audit, RecentDeliveries deliveries) {
        this.integrations = integrations;
        this.audit = audit;
        this.deliveries = deliveries;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(IntegrationRequest request) {
        CheckedRequest checked = CheckedRequest.of(request);
        String secret = checked.type() == IntegrationType.SLACK ? CheckedRequest.signingSecret(request) : null;
        Integrations.WithToken created = QuarkusTransaction.requiringNew().call(() -> {
            Integrations.WithToken made = integrations.create(checked.team(), checked.type(), checked.name(),
                    checked.defaultPriority(), checked.settings(), secret);
            Integration integration = made.integration();
            audit.record(integration.team(), AUDITED, integration.id().toString(), "created", describe(integration)
                    + " created" + (integration.defaultPriority() == null ? ""
                    : ", default priority " + integration.defaultPriority()));
            return made;
        });
        return Response.created(URI.create("/v1/integrations/" + created.integration().id()))
                .tag(etag(created.integration()))
                .entity(IntegrationView.withToken(created.integration(), created.token())).build();
    }

    /**
     * Edits name, default priority and the type's settings (mapping, channels, interval) with a JSON
     * Merge Patch, checked as a creation would be. {@code If-Match} (the ETag of GET) makes it conditional.
     */
    @PATCH
    @RolesAllowed(Roles.ADMIN)
    @Path("/{id}")
    @Consumes({MERGE_PATCH_JSON, MediaType.APPLICATION_JSON})
    public Response edit(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                         @Context HttpHeaders headers, byte[] body) throws JsonProcessingException {
        Integration current = integrations.find(parseId(id)).filter(found -> !found.revoked())
                .orElseThrow(() -> notFound(id));
        new IfMatch(ifMatch).require("integration " + id, current.version());
        JsonNode patch = StrictJson.parse(body, StrictJson.charsetOf(headers.getMediaType()));
        CheckedRequest edited = CheckedRequest.of(IntegrationPatch.apply(current, patch));
        Optional<Response> answer = QuarkusTransaction.requiringNew().call(() -> integrations.update(current.id(),
                        current.version(), edited.name(), edited.defaultPriority(), edited.settings())
                .map(updated -> {
                    audit.record(updated.team(), AUDITED, updated.id().toString(), "updated",
                            describe(current) + " edited: " + changes(current, updated));
                    return Response.ok(IntegrationView.of(updated)).tag(etag(updated)).build();
                }));
        integrations.forget(current.id());
        return answer.orElseThrow(() -> notFound(id));
    }

    @GET
    public Map<String, List<IntegrationView>> list(@QueryParam("team") String team) {
        return Map.of("items", integrations.list(team).stream().map(IntegrationView::of).toList());
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") String id) {
        Integration integration = integrations.find(parseId(id)).orElseThrow(() -> notFound(id));
        return Response.ok(IntegrationView.of(integration)).tag(etag(integration)).build();
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Path("/{id}/token")
    public IntegrationView rotateToken(@PathParam("id") String id) {
        UUID integrationId = parseId(id);
        Optional<IntegrationView> answer = QuarkusTransaction.requiringNew().call(() -> integrations
                .rotateToken(integrationId)
                .map(rotated -> {
                    audit.record(rotated.integration().team(), AUDITED, rotated.integration().id().toString(),
                            "token-rotated", "token of " + describe(rotated.integration())
                                    + " rotated: the old one no longer works");
                    return IntegrationView.withToken(rotated.integration(), rotated.token());
                }));
        integrations.forget(integrationId);
        return answer.orElseThrow(() -> notFound(id));
    }

    @DELETE
    @RolesAllowed(Roles.ADMIN)
    @Path("/{id}")
    public Response revoke(@PathParam("id") String id) {
        UUID integrationId = parseId(id);
        boolean revoked = QuarkusTransaction.requiringNew().call(() -> {
            Integration found = integrations.find(integrationId).filter(integration -> !integration.revoked())
                    .orElse(null);
            if (found == null || !integrations.revoke(integrationId)) {
                return false;
            }
            audit.record(found.team(), AUDITED, found.id().toString(), "revoked", describe(found) + " revoked");
            return true;
        });
        integrations.forget(integrationId);
        if (!revoked) {
            throw notFound(id);
        }
        return Response.noContent().build();
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Path("/{id}/deliveries")
    @Operation(summary = "An integration's recent deliveries and refusals, newest first",
            description = "What this replica answered the integration's webhook calls since it started (at most the last "
                    + RecentDeliveries.KEEP + "): time, endpoint, HTTP status, accepted or refused, how many events "
                    + "were accepted, the refusal's reason and the request id (X-Request-Id) to find it in the logs. "
                    + "limit 1.." + RecentDeliveries.KEEP + " (default " + DEFAULT_DELIVERIES + "). 404 for an "
                    + "unknown integration.")
    public Map<String, Object> deliveries(@PathParam("id") String id, @QueryParam("limit") String limit) {
        int max = limit(limit);
        Integration integration = integrations.find(parseId(id)).orElseThrow(() -> notFound(id));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("integration", integration.id());
        answer.put("items", deliveries.of(integration.id(), max));
        return answer;
    }

    private static int limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_DELIVERIES;
        }
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= RecentDeliveries.KEEP) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw InvalidInputException.field("/limit", "limit is a whole number from 1 to " + RecentDeliveries.KEEP);
    }

    /** How the audit names an integration: its type and name (never its token or secret). */
    private static String describe(Integration integration) {
        return integration.type().wireName() + " integration '" + integration.name() + "'";
    }

    /** What an edit changed, field by field (settings only as changed: a mapping can be long). */
    private static String changes(Integration before, Integration after) {
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(before.name(), after.name())) {
            changed.add("name '" + before.name() + "' → '" + after.name() + "'");
        }
        if (!Objects.equals(before.defaultPriority(), after.defaultPriority())) {
            changed.add("default priority " + (before.defaultPriority() == null ? "none" : before.defaultPriority())
                    + " → " + (after.defaultPriority() == null ? "none" : after.defaultPriority()));
        }
        if (!Objects.equals(before.settings(), after.settings())) {
            changed.add("settings changed");
        }
        return changed.isEmpty() ? "nothing changed" : String.join(", ", changed);
    }

    private static EntityTag etag(Integration integration) {
        return IfMatch.etag(integration.version());
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

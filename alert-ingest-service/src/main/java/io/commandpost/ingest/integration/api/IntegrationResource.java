package io.commandpost.ingest.integration.api;

import io.commandpost.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.commandpost.ingest.intake.StrictJson;
import io.commandpost.ingest.integration.Integration;
import io.commandpost.ingest.integration.IntegrationType;
import io.commandpost.ingest.integration.Integrations;
import io.commandpost.platform.http.IfMatch;
import io.commandpost.platform.http.Problem;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Integrations of teams (API key). Tokens are shown once, at creation and at rotation; the ETag is the version. */
@Path("/v1/integrations")
@Produces(MediaType.APPLICATION_JSON)
public class IntegrationResource {

    static final String MERGE_PATCH_JSON = "application/merge-patch+json";

    private final Integrations integrations;

    IntegrationResource(Integrations integrations) {
        this.integrations = integrations;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(IntegrationRequest request) {
        CheckedRequest checked = CheckedRequest.of(request);
        String secret = checked.type() == IntegrationType.SLACK ? CheckedRequest.signingSecret(request) : null;
        Integrations.WithToken created = integrations.create(checked.team(), checked.type(), checked.name(),
                checked.defaultPriority(), checked.settings(), secret);
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
        return integrations.update(current.id(), current.version(), edited.name(), edited.defaultPriority(),
                        edited.settings())
                .map(updated -> Response.ok(IntegrationView.of(updated)).tag(etag(updated)).build())
                .orElseThrow(() -> notFound(id));
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
        return integrations.rotateToken(parseId(id))
                .map(rotated -> IntegrationView.withToken(rotated.integration(), rotated.token()))
                .orElseThrow(() -> notFound(id));
    }

    @DELETE
    @RolesAllowed(Roles.ADMIN)
    @Path("/{id}")
    public Response revoke(@PathParam("id") String id) {
        if (!integrations.revoke(parseId(id))) {
            throw notFound(id);
        }
        return Response.noContent().build();
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

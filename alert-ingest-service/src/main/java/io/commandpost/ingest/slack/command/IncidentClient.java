package io.commandpost.ingest.slack.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.commandpost.platform.security.Roles;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * incident-service's incident commands, as its README documents them ({@code quarkus.rest-client.incidents.*}).
 * Used only through {@link IncidentActions}, which names the acting person. The services key
 * ({@code COMMANDPOST_SERVICES_API_KEY}) must have role {@code service} to act on a person's behalf.
 */
@RegisterRestClient(configKey = "incidents")
@ClientHeaderParam(name = "Authorization", value = "Bearer ${commandpost.ingest.slack.services-api-key}")
@Path("/v1/incidents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface IncidentClient {

    /** Names the person the services key acts for; incident-service records the action as theirs (ADR 0023). */
    String ACTOR = Roles.ON_BEHALF_OF;

    @POST
    JsonNode declare(@HeaderParam(ACTOR) String actor, Map<String, Object> body);

    @POST
    @Path("/{id}/commander")
    JsonNode handOff(@HeaderParam(ACTOR) String actor, @PathParam("id") UUID incidentId, Map<String, Object> body);

    @POST
    @Path("/{id}/tasks")
    JsonNode delegate(@HeaderParam(ACTOR) String actor, @PathParam("id") UUID incidentId, Map<String, Object> body);

    @POST
    @Path("/{id}/status-updates")
    JsonNode postUpdate(@HeaderParam(ACTOR) String actor, @PathParam("id") UUID incidentId, Map<String, Object> body);

    @POST
    @Path("/{id}/resolve")
    JsonNode resolve(@HeaderParam(ACTOR) String actor, @PathParam("id") UUID incidentId, Map<String, Object> body);
}

package io.commandpost.ingest.slack.command;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** rotation-service's team API, as its README documents it ({@code quarkus.rest-client.rotation.*}). */
@RegisterRestClient(configKey = "rotation")
@ClientHeaderParam(name = "Authorization", value = "Bearer ${commandpost.ingest.slack.services-api-key}")
@Path("/v1/teams")
@Produces(MediaType.APPLICATION_JSON)
public interface RotationClient {

    /** The day's MRO and night duty (started or planned) with their reasons, and who is on duty now. */
    @GET
    @Path("/{id}/on-call")
    JsonNode onCall(@PathParam("id") String team);

    /** The team with its members ({@code handle}, {@code displayName}, {@code slackUserId}, …). */
    @GET
    @Path("/{id}")
    JsonNode team(@PathParam("id") String team);
}

package io.commandpost.ingest.slack.command;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * notification-service's people lookup, as its README documents it ({@code quarkus.rest-client.notifications.*}):
 * which member a Slack user is, by the Slack user id of their contact methods, else the roster's.
 */
@RegisterRestClient(configKey = "notifications")
@ClientHeaderParam(name = "Authorization", value = "Bearer ${commandpost.ingest.slack.services-api-key}")
@Path("/v1/teams")
@Produces(MediaType.APPLICATION_JSON)
public interface NotificationClient {

    /** {@code {"team","slackUserId","handle","source"}}; 404 problem for a Slack user who is nobody in the team. */
    @GET
    @Path("/{team}/slack-users/{slackUserId}")
    JsonNode slackUser(@PathParam("team") String team, @PathParam("slackUserId") String slackUserId);
}

package io.commandpost.notification.slack.api;

import jakarta.annotation.security.PermitAll;
import com.fasterxml.jackson.databind.JsonNode;
import io.commandpost.events.EventJson;
import io.commandpost.notification.slack.SlackInteractions;
import io.commandpost.notification.slack.SlackRequestSignature;
import io.commandpost.notification.slack.SlackWorkspaces;
import io.commandpost.platform.http.InvalidInputException;
import io.commandpost.platform.http.Problem;
import io.commandpost.platform.http.RequestMetadata;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Slack's interactivity request URL: button presses on pages. A public path (no API key): each request is
 * authenticated by Slack's v0 signature over the raw body with the signing secret of the workspace it names,
 * within five minutes. 200 at once with an empty body (Slack wants an answer within three seconds); 401
 * problem+json when the signature does not verify.
 */
@Path("/v1/slack/interactions")
@Tag(name = "slack")
@PermitAll // Slack signs each request with the workspace's signing secret; the person is the Slack user (ADR 0023)
public class SlackInteractionResource {

    private final SlackWorkspaces workspaces;
    private final SlackInteractions interactions;
    private final RequestMetadata request;
    private final Clock clock;

    SlackInteractionResource(SlackWorkspaces workspaces, SlackInteractions interactions, RequestMetadata request,
                             Clock clock) {
        this.workspaces = workspaces;
        this.interactions = interactions;
        this.request = request;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A button pressed on a page in Slack (Slack signs the request)")
    public Response interact(byte[] body, @HeaderParam(SlackRequestSignature.TIMESTAMP_HEADER) String timestamp,
                             @HeaderParam(SlackRequestSignature.SIGNATURE_HEADER) String signature) {
        SlackRequestSignature.Verdict headers = SlackRequestSignature.verify("-", timestamp, signature, body,
                clock.instant());
        if (headers == SlackRequestSignature.Verdict.MISSING || headers == SlackRequestSignature.Verdict.STALE) {
            throw unauthorized(headers);
        }
        JsonNode payload = payload(body);
        String slackTeamId = payload.path("team").path("id").asText("");
        Optional<SlackWorkspaces.Workspace> workspace = workspaces.find(slackTeamId);
        if (workspace.isEmpty() || SlackRequestSignature.verify(workspace.get().signingSecret(), timestamp, signature,
                body, clock.instant()) != SlackRequestSignature.Verdict.VALID) {
            throw unauthorized(SlackRequestSignature.Verdict.MISMATCH);
        }
        interactions.handle(workspace.get(), payload, request.metadata());
        return Response.ok().build();
    }

    /** The {@code payload} form field, JSON. */
    static JsonNode payload(byte[] body) {
        String form = new String(body, StandardCharsets.UTF_8);
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals("payload")) {
                try {
                    return EventJson.mapper().readTree(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                } catch (IOException | IllegalArgumentException e) {
                    throw InvalidInputException.field("payload", "not a JSON interaction payload");
                }
            }
        }
        throw InvalidInputException.field("payload", "an interaction request has a payload form field");
    }

    private static WebApplicationException unauthorized(SlackRequestSignature.Verdict verdict) {
        String detail = switch (verdict) {
            case STALE -> "X-Slack-Request-Timestamp is more than " + SlackRequestSignature.MAX_SKEW_SECONDS
                    + " s from now: refused as a possible replay";
            case MISSING -> "X-Slack-Request-Timestamp and X-Slack-Signature are required";
            default -> "the Slack signature does not verify with the signing secret of the workspace";
        };
        return new WebApplicationException(Problem.of(401, "Unauthorized", detail).toResponse());
    }
}

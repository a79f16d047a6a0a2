package io.commandpost.notification.slack.api;

import io.commandpost.notification.slack.SlackWorkspaces;
import io.commandpost.platform.audit.ConfigurationAudit;
import io.commandpost.platform.domain.InvalidCommandException;
import io.commandpost.platform.domain.NotFoundException;
import io.commandpost.platform.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The Slack app of each workspace (bot token and signing secret, stored encrypted and never returned); which
 * workspace and channel each team uses is {@link TeamSlackResource}.
 */
@Path("/v1/slack/workspaces/{slackTeamId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "slack")
public class SlackWorkspaceResource {

    /** Slack team (workspace) ids start with T, Enterprise Grid org ids with E; channel ids with C, G or D. */
    static final Pattern SLACK_TEAM_ID = Pattern.compile("[TE][A-Z0-9]{2,30}");
    static final Pattern CHANNEL_ID = Pattern.compile("[CGD][A-Z0-9]{2,30}");

    public record WorkspaceBody(String name, String botToken, String signingSecret) {
    }

    /** A workspace as the API shows it: whether the credentials are set, never what they are. */
    public record WorkspaceView(String slackTeamId, String name, boolean botTokenSet, boolean signingSecretSet,
                                List<String> teams, Instant updatedAt) {
    }

    private final SlackWorkspaces workspaces;
    private final Clock clock;
    private final ConfigurationAudit audit;

    SlackWorkspaceResource(SlackWorkspaces workspaces, Clock clock, ConfigurationAudit audit) {
        this.workspaces = workspaces;
        this.clock = clock;
        this.audit = audit;
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Connect (or reconnect) a Slack workspace: its app's bot token and signing secret")
    public Response put(@PathParam("slackTeamId") String slackTeamId, WorkspaceBody body) {
        requireId("slackTeamId", slackTeamId, SLACK_TEAM_ID, "a Slack team id such as T0123ABCD");
        if (body == null) {
            throw new InvalidCommandException("body", "send {\"botToken\":\"xoxb-…\",\"signingSecret\":\"…\"}");
        }
        if (body.botToken() == null || !body.botToken().startsWith("xoxb-")) {
            throw new InvalidCommandException("botToken", "the app's bot user OAuth token, starting with xoxb-");
        }
        if (body.signingSecret() == null || body.signingSecret().isBlank()) {
            throw new InvalidCommandException("signingSecret", "the app's signing secret (Basic Information page)");
        }
        boolean created = QuarkusTransaction.requiringNew().call(() -> {
            boolean isNew = workspaces.put(slackTeamId, body.name(), body.botToken().strip(),
                    body.signingSecret().strip(), clock.instant());
            // the credentials themselves never: only that they were set
            audit.record(null, "slack-workspace", slackTeamId, isNew ? "created" : "updated", "Slack workspace "
                    + slackTeamId + (body.name() == null ? "" : " (" + body.name() + ")")
                    + (isNew ? " connected" : " reconnected") + ": bot token and signing secret set");
            return isNew;
        });
        WorkspaceView view = view(workspaces.find(slackTeamId).orElseThrow());
        return (created ? Response.status(Response.Status.CREATED) : Response.ok()).entity(view).build();
    }

    @GET
    @Operation(summary = "A connected Slack workspace (credentials are never shown)")
    public WorkspaceView get(@PathParam("slackTeamId") String slackTeamId) {
        return view(workspaces.find(slackTeamId).orElseThrow(() -> NotFoundException.of("Slack workspace",
                slackTeamId)));
    }

    @DELETE
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Disconnect a Slack workspace; teams mapped to it no longer page through Slack")
    public Response delete(@PathParam("slackTeamId") String slackTeamId) {
        boolean deleted = QuarkusTransaction.requiringNew().call(() -> {
            if (!workspaces.delete(slackTeamId)) {
                return false;
            }
            audit.record(null, "slack-workspace", slackTeamId, "deleted", "Slack workspace " + slackTeamId
                    + " disconnected; its teams no longer page through Slack");
            return true;
        });
        if (!deleted) {
            throw NotFoundException.of("Slack workspace", slackTeamId);
        }
        return Response.noContent().build();
    }

    private WorkspaceView view(SlackWorkspaces.Workspace workspace) {
        return new WorkspaceView(workspace.slackTeamId(), workspace.name(), workspace.botToken() != null,
                workspace.signingSecret() != null,
                workspaces.teamsOf(workspace.slackTeamId()).stream().map(SlackWorkspaces.TeamChannel::team).toList(),
                workspace.updatedAt());
    }

    static void requireId(String field, String value, Pattern pattern, String what) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new InvalidCommandException(field, "must be " + what);
        }
    }
}

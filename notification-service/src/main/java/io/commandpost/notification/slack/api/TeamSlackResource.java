package io.commandpost.notification.slack.api;

import io.commandpost.notification.slack.SlackWorkspaces;
import io.commandpost.platform.audit.ConfigurationAudit;
import io.commandpost.platform.domain.InvalidCommandException;
import io.commandpost.platform.domain.NotFoundException;
import io.commandpost.platform.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Which Slack workspace and channel a team uses (its own class: {@code /v1/teams/{team}} is another resource's). */
@Path("/v1/teams/{team}/slack")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "slack")
public class TeamSlackResource {

    public record TeamSlackBody(String slackTeamId, String channelId) {
    }

    public record TeamSlackView(String team, String slackTeamId, String channelId, Instant updatedAt) {
    }

    private final SlackWorkspaces workspaces;
    private final Clock clock;
    private final ConfigurationAudit audit;

    TeamSlackResource(SlackWorkspaces workspaces, Clock clock, ConfigurationAudit audit) {
        this.workspaces = workspaces;
        this.clock = clock;
        this.audit = audit;
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Where a team is in Slack: the workspace and the team's channel")
    public TeamSlackView putTeam(@PathParam("team") String team, TeamSlackBody body) {
        if (body == null) {
            throw new InvalidCommandException("body", "send {\"slackTeamId\":\"T…\",\"channelId\":\"C…\"}");
        }
        SlackWorkspaceResource.requireId("slackTeamId", body.slackTeamId(), SlackWorkspaceResource.SLACK_TEAM_ID, "a Slack team id such as T0123ABCD");
        SlackWorkspaceResource.requireId("channelId", body.channelId(), SlackWorkspaceResource.CHANNEL_ID, "a Slack channel id such as C0123ABCD");
        if (workspaces.find(body.slackTeamId()).isEmpty()) {
            throw new InvalidCommandException("slackTeamId", "no Slack workspace " + body.slackTeamId()
                    + " is connected: PUT /v1/slack/workspaces/" + body.slackTeamId() + " first");
        }
        QuarkusTransaction.requiringNew().run(() -> {
            workspaces.putTeamChannel(team, body.slackTeamId(), body.channelId(), clock.instant());
            audit.record(team, "team-slack", team, "updated", "Slack channel " + body.channelId()
                    + " in workspace " + body.slackTeamId());
        });
        return getTeam(team);
    }

    @GET
    @Operation(summary = "Where a team is in Slack")
    public TeamSlackView getTeam(@PathParam("team") String team) {
        SlackWorkspaces.TeamChannel channel = workspaces.teamChannel(team)
                .orElseThrow(() -> NotFoundException.of("Slack channel of team", team));
        return new TeamSlackView(channel.team(), channel.slackTeamId(), channel.channelId(), channel.updatedAt());
    }
}

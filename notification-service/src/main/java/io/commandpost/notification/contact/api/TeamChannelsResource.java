package io.commandpost.notification.contact.api;

import io.commandpost.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.commandpost.notification.contact.ContactBook;
import io.commandpost.notification.contact.TeamChannels;
import io.commandpost.notification.contact.TeamSlackChannel;
import io.commandpost.platform.audit.ConfigurationAudit;
import io.commandpost.platform.domain.InvalidCommandException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A team's channels: Slack channel, email list, webhook. Its own class path, so that it never shadows another
 * resource under {@code /v1/teams/{team}}. The Slack channel is the team's Slack mapping ({@code /v1/teams/{team}/slack},
 * {@link TeamSlackChannel}): shown from it, and a PUT with another channel moves the mapping; it is never stored twice.
 */
@Path("/v1/teams/{team}/channels")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "contacts")
public class TeamChannelsResource {

    public record ChannelsView(String team, TeamChannels channels) {
    }

    private final ContactBook book;
    private final TeamSlackChannel slack;
    private final Clock clock;
    private final ConfigurationAudit audit;

    TeamChannelsResource(ContactBook book, TeamSlackChannel slack, Clock clock, ConfigurationAudit audit) {
        this.book = book;
        this.slack = slack;
        this.clock = clock;
        this.audit = audit;
    }

    @GET
    @Operation(summary = "The team's channels: Slack channel, email list, webhook")
    public ChannelsView channels(@PathParam("team") String team) {
        return new ChannelsView(team, book.channels(team).orElse(TeamChannels.NONE)
                .withSlackChannel(slack.slackChannelOf(team).orElse(null)));
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sets the team's channels")
    public ChannelsView putChannels(@PathParam("team") String team, TeamChannels body) {
        if (body == null) {
            throw new InvalidCommandException("emailList", "send {\"slackChannel\":\"C123\","
                    + "\"emailList\":\"payments-oncall@example.com\",\"webhook\":true}");
        }
        try {
            TeamChannels.validate(body);
        } catch (IllegalArgumentException e) {
            throw new InvalidCommandException(e.getMessage().startsWith("slackChannel") ? "slackChannel" : "emailList",
                    e.getMessage());
        }
        if (body.slackChannel() != null && slack.slackChannelOf(team).isEmpty()) {
            throw new InvalidCommandException("slackChannel", "team " + team + " is not connected to a Slack "
                    + "workspace: PUT /v1/teams/" + team + "/slack {\"slackTeamId\":\"T…\",\"channelId\":\""
                    + body.slackChannel() + "\"} first");
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                if (body.slackChannel() != null) { // null leaves the team's Slack mapping as it is
                    slack.moveSlackChannel(team, body.slackChannel(), clock.instant());
                }
                book.saveChannels(team, body.withSlackChannel(null), clock.instant());
                audit.record(team, "team-channels", team, "updated", "Slack channel "
                        + (body.slackChannel() == null ? "unchanged" : body.slackChannel()) + ", email list "
                        + (body.emailList() == null ? "none" : body.emailList()) + ", webhook "
                        + (body.webhook() == null || body.webhook() ? "on" : "off"));
            });
        } catch (IllegalStateException e) {
            throw new InvalidCommandException("slackChannel", e.getMessage());
        }
        return channels(team);
    }

}

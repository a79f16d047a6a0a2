package io.commandpost.notification.contact.api;

import io.commandpost.notification.contact.ContactBook;
import io.commandpost.platform.domain.NotFoundException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Which member of a team a Slack user is: by the Slack user id of their contact methods, else the roster's. What
 * alert-ingest's slash commands ask to act as the person who typed them; 404 problem+json for a stranger.
 */
@Path("/v1/teams/{team}/slack-users/{slackUserId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "contacts")
public class SlackUserResource {

    /** {@code source}: {@code contact} (their contact methods) or {@code roster} (the member facts). */
    public record SlackUserView(String team, String slackUserId, String handle, String source) {
    }

    private final ContactBook book;

    SlackUserResource(ContactBook book) {
        this.book = book;
    }

    @GET
    @Operation(summary = "The member a Slack user is in a team (contact methods first, then the roster)")
    public SlackUserView member(@PathParam("team") String team, @PathParam("slackUserId") String slackUserId) {
        ContactBook.SlackMember member = book.memberBySlackUser(team, slackUserId)
                .orElseThrow(() -> NotFoundException.of("member of " + team + " with Slack user", slackUserId));
        return new SlackUserView(team, slackUserId, member.handle(), member.source());
    }
}

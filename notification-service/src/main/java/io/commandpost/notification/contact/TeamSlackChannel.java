package io.commandpost.notification.contact;

import java.time.Instant;
import java.util.Optional;

/**
 * The one place a team's Slack channel is kept: the team's Slack mapping (workspace + channel, {@code PUT
 * /v1/teams/{team}/slack}), which pages to the team channel and the 09:00 announcement use. The team channels API
 * ({@code /v1/teams/{team}/channels}, {@code slackChannel}) reads and moves it through this port, never a copy.
 */
public interface TeamSlackChannel {

    /** The team's Slack channel id, empty while the team is not connected to a workspace. */
    Optional<String> slackChannelOf(String team);

    /**
     * Moves a connected team to another channel of its workspace.
     *
     * @throws IllegalStateException naming what to do first when the team is not connected to a workspace
     */
    void moveSlackChannel(String team, String channelId, Instant now);
}

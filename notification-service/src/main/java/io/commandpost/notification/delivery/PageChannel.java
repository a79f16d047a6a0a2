package io.commandpost.notification.delivery;

import io.commandpost.notification.oncall.Recipient;

/**
 * A channel that pages people (and team channels) besides the page webhook, for instance Slack or email. When an
 * escalation step pages a person, every {@code PageChannel} that {@link #reaches} them gets a delivery of its own
 * ({@link Notification#channel()} = {@link #channel()}), made after the person's flood control let the page through,
 * and sent by that channel's {@link ChannelSender}. A step's {@code team-channel} target goes to every channel that
 * {@link #reachesTeam reaches the team}.
 */
public interface PageChannel {

    String channel();

    /** True when this channel can page this person of the team now (they have an address and the team a setup). */
    boolean reaches(String team, Recipient person);

    /** True when this channel can post to the team's own channel. */
    boolean reachesTeam(String team);
}

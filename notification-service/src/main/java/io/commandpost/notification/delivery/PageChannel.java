package io.commandpost.notification.delivery;

/**
 * A channel that pages besides the page webhook (Slack). A person's notification rules may name it once it
 * {@link #reachesTeam reaches the team} (see {@code ContactBook#available(team)}); a step's {@code team-channel}
 * target goes to every channel that reaches the team, as a page whose recipient is
 * {@link Notification#teamChannelRecipient()}. Each such page is sent by that channel's {@link ChannelSender}.
 */
public interface PageChannel {

    String channel();

    /** True when this channel is set up for the team (it can page its people and post to its channel). */
    boolean reachesTeam(String team);
}

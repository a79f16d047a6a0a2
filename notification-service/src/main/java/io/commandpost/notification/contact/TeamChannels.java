package io.commandpost.notification.contact;

/**
 * Where a team is reached as a whole: its Slack channel, its email list, and whether the page webhook is used for
 * the team channel. Any may be null (not set). The Slack channel is not stored here: it is the team's Slack mapping
 * ({@link TeamSlackChannel}), shown and moved through this record.
 */
public record TeamChannels(String slackChannel, String emailList, Boolean webhook) {

    public static final TeamChannels NONE = new TeamChannels(null, null, null);

    private static final java.util.regex.Pattern SLACK_CHANNEL = java.util.regex.Pattern.compile("[CGD][A-Z0-9]{2,30}");

    /** The same channels with the team's Slack channel as its Slack mapping has it. */
    public TeamChannels withSlackChannel(String channel) {
        return new TeamChannels(channel, emailList, webhook);
    }

    /** Refuses what cannot be a team's channels; IllegalArgumentException naming what is wrong. */
    public static void validate(TeamChannels channels) {
        if (channels.slackChannel() != null && !SLACK_CHANNEL.matcher(channels.slackChannel()).matches()) {
            throw new IllegalArgumentException("slackChannel must be a Slack channel id such as C0123ABCD");
        }
        if (channels.emailList() != null && !channels.emailList().isBlank()
                && !channels.emailList().matches("[^@\\s<>]+@[^@\\s<>]+")) {
            throw new IllegalArgumentException("emailList is not an address: " + channels.emailList());
        }
    }
}

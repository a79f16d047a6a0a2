package io.commandpost.notification.contact;

/**
 * Where a team is reached as a whole: its Slack channel, its email list, and whether the page webhook is used for
 * the team channel. Any may be null (not set).
 */
public record TeamChannels(String slackChannel, String emailList, Boolean webhook) {

    public static final TeamChannels NONE = new TeamChannels(null, null, null);

    /** Refuses what cannot be a team's channels; IllegalArgumentException naming what is wrong. */
    public static void validate(TeamChannels channels) {
        if (channels.emailList() != null && !channels.emailList().isBlank()
                && !channels.emailList().matches("[^@\\s<>]+@[^@\\s<>]+")) {
            throw new IllegalArgumentException("emailList is not an address: " + channels.emailList());
        }
    }
}

package io.commandpost.notification.contact;

/**
 * How a member can be reached. A null field falls back to the member facts rotation publishes on the teams topic
 * (email, Slack user id); {@code webhook} false opts out of the page webhook.
 */
public record ContactMethods(String email, String slackUserId, Boolean webhook) {

    public static final ContactMethods NONE = new ContactMethods(null, null, null);
}

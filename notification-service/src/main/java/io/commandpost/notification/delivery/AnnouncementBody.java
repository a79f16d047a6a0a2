package io.commandpost.notification.delivery;

/** A Slack incoming-webhook message: plain {@code text}, which Slack renders with mentions like {@code <@U1>}. */
public record AnnouncementBody(String text) {
}

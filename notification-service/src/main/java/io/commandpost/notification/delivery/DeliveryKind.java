package io.commandpost.notification.delivery;

/** What a delivery is, which decides where it goes and what its body looks like. */
public enum DeliveryKind {
    /** An alert page to the team's MRO, signed, on the page webhook. */
    PAGE,
    /** A personal reminder (e.g. accept a handover), signed, on the page webhook. */
    REMINDER,
    /** A message to the team announcement channel (Slack incoming-webhook JSON). */
    ANNOUNCEMENT,
    /**
     * The MRO's answer to a question, back where it was asked: an emailed question gets a reply in its mail thread,
     * a Slack question a reply in its Slack thread.
     */
    ANSWER,
    /**
     * A question asked with a slash command (Slack shows the command only to its asker), posted in its channel as
     * the app's message, so that its answer can be a reply in that message's thread.
     */
    QUESTION
}

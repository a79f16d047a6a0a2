package io.commandpost.notification.delivery;

/** What a delivery is, which decides where it goes and what its body looks like. */
public enum DeliveryKind {
    /** An alert page to the team's MRO, signed, on the page webhook. */
    PAGE,
    /** A personal reminder (e.g. accept a handover), signed, on the page webhook. */
    REMINDER,
    /** A message to the team announcement channel (Slack incoming-webhook JSON). */
    ANNOUNCEMENT,
    /** The MRO's answer to a question, back where it was asked (an emailed question: a reply in its thread). */
    ANSWER
}

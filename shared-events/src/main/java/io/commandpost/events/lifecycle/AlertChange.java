package io.commandpost.events.lifecycle;

/** What one event did to an alert: the views page, count and display by it. */
public enum AlertChange {
    /** The first firing ever seen (or the first after a resolve that came before any firing). */
    OPENED,
    /** A further firing of the open occurrence. */
    REPEATED,
    ACKNOWLEDGED,
    UNACKNOWLEDGED,
    RESOLVED,
    /** A firing that does not start after the resolved occurrence's start: a copy of it, changes nothing. */
    LATE_COPY,
    /** A firing that starts after the resolved occurrence: a new occurrence. */
    REOPENED,
    NOTED,
    ESCALATED,
    /** Recorded, changes nothing: a second acknowledge, the tool's resolve after a person's, an act on a closed alert. */
    NO_EFFECT;

    /** True when the event opened an occurrence: what pages. */
    public boolean opens() {
        return this == OPENED || this == REOPENED;
    }
}

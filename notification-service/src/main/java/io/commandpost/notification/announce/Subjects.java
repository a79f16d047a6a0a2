package io.commandpost.notification.announce;

import io.commandpost.events.ShiftEvent;

/** The subjectType and subjectId of reminders and announcements, as NotificationSent/Failed carry them. */
public final class Subjects {

    public static final String SHIFT = "shift";
    public static final String REST_RULE = "rest-rule";
    public static final String HANDOVER = "handover";

    private Subjects() {
    }

    public static String idOf(ShiftEvent.ShiftStarted started) {
        return started.shiftId().toString();
    }

    /** A rest rule is identified by its day and the member who rests (once per team, day and member). */
    public static String idOf(ShiftEvent.RestRuleApplied applied) {
        return applied.day() + "/" + applied.skipped();
    }

    public static String idOf(ShiftEvent.HandoverAcceptanceOverdue overdue) {
        return overdue.handoverId().toString();
    }
}

package io.commandpost.notification.announce;

import io.commandpost.events.ShiftEvent;
import java.time.Instant;

/** Which shift events are announced: pure, no I/O. */
public final class AnnouncementRules {

    public static final String NO_CHANNEL = "no announcement channel configured";

    private AnnouncementRules() {
    }

    /**
     * A start-of-day message is news while the shift lasts: a handoff emitted late (after downtime) is
     * still announced, unless the shift it starts is already over.
     */
    public static boolean announcesShift(ShiftEvent.ShiftStarted started, Instant now) {
        return !started.late() || started.endsAt() == null || now.isBefore(started.endsAt());
    }
}

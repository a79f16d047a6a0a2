package io.commandpost.rotation.calendar;

import io.commandpost.events.ShiftKind;
import java.time.Instant;
import java.util.UUID;

/**
 * One stretch of duty as a calendar event. {@code shiftId} is the id the handoff job gives the
 * shift when it starts it, so a planned event keeps its UID when it becomes history.
 */
public record Duty(UUID shiftId, ShiftKind kind, String member, Instant start, Instant end) {

    public String uid() {
        return shiftId + "@commandpost";
    }

    public String summary() {
        return (kind == ShiftKind.NIGHT_DUTY ? "Night duty: " : "MRO: ") + member;
    }
}

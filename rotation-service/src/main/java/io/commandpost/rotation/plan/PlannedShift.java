package io.commandpost.rotation.plan;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One shift of the plan: {@code day} is the team-local day whose handoff starts it, {@code index}
 * its number counted from the team's first day.
 */
public record PlannedShift(String member, LocalDate day, long index, Instant shiftStart, Instant shiftEnd) {

    public boolean contains(Instant instant) {
        return !instant.isBefore(shiftStart) && instant.isBefore(shiftEnd);
    }
}

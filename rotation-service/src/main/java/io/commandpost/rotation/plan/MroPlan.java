package io.commandpost.rotation.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The plain MRO plan: round robin over the rotation, one shift per team-local day from one handoff
 * to the next. A pure function of configuration and instant; nothing here reads a clock.
 */
public final class MroPlan {

    private MroPlan() {
    }

    /**
     * The shift running at {@code instant}. The team's first shift starts at its creation, not at
     * the handoff before it.
     *
     * @throws IllegalArgumentException for an instant before the team existed
     */
    public static PlannedShift mroAt(RotationConfig config, Instant instant) {
        if (instant.isBefore(config.createdAt())) {
            throw new IllegalArgumentException("team " + config.teamId() + " did not exist at " + instant);
        }
        return shiftOf(config, config.shiftDayOf(instant));
    }

    /** The shift of one team-local day (the anchor day's shift starts at the team's creation). */
    public static PlannedShift shiftOf(RotationConfig config, LocalDate day) {
        long index = ChronoUnit.DAYS.between(config.anchorDay(), day);
        if (index < 0) {
            throw new IllegalArgumentException("team " + config.teamId() + " did not exist on " + day);
        }
        Instant start = index == 0 ? config.createdAt() : config.handoffOf(day);
        Instant end = config.handoffEndOf(day.plusDays(1));
        String member = config.rotation().get((int) Math.floorMod(index, (long) config.rotation().size()));
        return new PlannedShift(member, day, index, start, end);
    }
}

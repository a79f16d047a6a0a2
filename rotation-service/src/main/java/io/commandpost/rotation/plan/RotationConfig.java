package io.commandpost.rotation.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * The MRO rotation as configured: who rotates, in which order, when the daily handoff happens in
 * which zone, and since when the team exists (day 0 of the round robin).
 */
public record RotationConfig(String teamId, ZoneId zone, LocalTime handoffTime, List<String> rotation,
                             Instant createdAt) {

    public RotationConfig {
        if (rotation.isEmpty()) {
            throw new IllegalArgumentException("a rotation needs at least one member");
        }
        rotation = List.copyOf(rotation);
    }

    /** The instant the shift of {@code day} starts (before the team existed it is still defined). */
    public Instant handoffOf(LocalDate day) {
        return LocalHandoff.at(day, handoffTime, zone);
    }

    /** The instant the shift before {@code day}'s ends: the later occurrence of an ambiguous handoff. */
    public Instant handoffEndOf(LocalDate day) {
        return LocalHandoff.endAt(day, handoffTime, zone);
    }

    /** The day whose shift contains {@code instant}: the last day whose handoff is not after it. */
    public LocalDate shiftDayOf(Instant instant) {
        LocalDate local = instant.atZone(zone).toLocalDate();
        return handoffOf(local).isAfter(instant) ? local.minusDays(1) : local;
    }

    /** Day 0 of the round robin: the day whose shift was running when the team was created. */
    public LocalDate anchorDay() {
        return shiftDayOf(createdAt);
    }
}

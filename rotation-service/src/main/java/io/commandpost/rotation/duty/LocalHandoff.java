package io.commandpost.rotation.duty;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;

/**
 * Turns a team-local wall-clock time into an instant, with GoAlert's DST rules:
 * <ul>
 *   <li>a wall-clock time that does not exist (spring forward) happens at the first valid instant
 *       after it, the transition itself (02:30 on a 02:00→03:00 night is 03:00, not 03:30);</li>
 *   <li>a wall-clock time that happens twice (fall back): a shift <em>starts</em> at the first
 *       occurrence ({@link #at}) and the shift before it <em>ends</em> at the last one
 *       ({@link #endAt}), so the two overlap by the repeated hour and nobody's hour is lost.</li>
 * </ul>
 */
final class LocalHandoff {

    private LocalHandoff() {
    }

    /** When something starting at {@code time} on {@code day} starts: the first occurrence. */
    static Instant at(LocalDate day, LocalTime time, ZoneId zone) {
        LocalDateTime local = day.atTime(time);
        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
        if (offsets.isEmpty()) {
            ZoneOffsetTransition gap = zone.getRules().getTransition(local);
            return gap.getInstant();
        }
        return local.atZone(zone).withEarlierOffsetAtOverlap().toInstant();
    }

    /** When something ending at {@code time} on {@code day} ends: the last occurrence. */
    static Instant endAt(LocalDate day, LocalTime time, ZoneId zone) {
        LocalDateTime local = day.atTime(time);
        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
        if (offsets.isEmpty()) {
            return zone.getRules().getTransition(local).getInstant();
        }
        return local.atZone(zone).withLaterOffsetAtOverlap().toInstant();
    }
}

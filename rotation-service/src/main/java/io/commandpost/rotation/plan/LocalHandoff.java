package io.commandpost.rotation.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;

/**
 * Turns a team-local wall-clock time into an instant, with GoAlert's DST rules:
 * <ul>
 *   <li>a wall-clock time that does not exist (spring forward) happens at the first valid instant
 *       after it, the transition itself (02:30 on a 02:00→03:00 night is 03:00, not 03:30);</li>
 *   <li>a wall-clock time that happens twice (fall back) happens at its earlier occurrence.</li>
 * </ul>
 */
public final class LocalHandoff {

    private LocalHandoff() {
    }

    public static Instant at(LocalDate day, LocalTime time, ZoneId zone) {
        LocalDateTime local = day.atTime(time);
        List<java.time.ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
        if (offsets.isEmpty()) {
            ZoneOffsetTransition gap = zone.getRules().getTransition(local);
            return gap.getInstant();
        }
        // the earlier occurrence is the one with the larger offset (still on summer time)
        return local.atZone(zone).withEarlierOffsetAtOverlap().toInstant();
    }
}

package io.commandpost.rotation.duty;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * Configuration of a team's duties: the MRO day rotation and, optionally, a night duty rotation
 * covering the hours outside the MRO day (and whole uncovered days such as weekends).
 *
 * @param workdayEnd  end of the MRO day and start of night duty, team-local (also the line between
 *                    a day page and a night page when the team has no night rotation)
 * @param nightRotation empty when the team has no night duty
 * @param anchorDay   day 0: the team's first day
 */
public record DutyConfig(String teamId, ZoneId zone, LocalTime handoff, LocalTime workdayEnd,
                         List<String> mroRotation, List<String> nightRotation, Coverage coverage,
                         NightLength nightLength, LocalDate anchorDay) {

    /** Which days have an MRO. */
    public enum Coverage {
        EVERY_DAY, WEEKDAYS;

        boolean covers(LocalDate day) {
            return this == EVERY_DAY || (day.getDayOfWeek() != DayOfWeek.SATURDAY
                    && day.getDayOfWeek() != DayOfWeek.SUNDAY);
        }
    }

    /** How long one person keeps night duty. */
    public enum NightLength { DAILY, WEEKLY }

    public DutyConfig {
        if (mroRotation.isEmpty()) {
            throw new IllegalArgumentException("an MRO rotation needs at least one member");
        }
        mroRotation = List.copyOf(mroRotation);
        nightRotation = List.copyOf(nightRotation);
    }

    public boolean hasNightDuty() {
        return !nightRotation.isEmpty();
    }

    public boolean mroCovers(LocalDate day) {
        return coverage.covers(day);
    }

    public Instant handoffOf(LocalDate day) {
        return LocalHandoff.at(day, handoff, zone);
    }

    /** When the shift before {@code day}'s handoff ends (the later occurrence of an ambiguous time). */
    public Instant handoffEndOf(LocalDate day) {
        return LocalHandoff.endAt(day, handoff, zone);
    }

    /** The end of the MRO day, which is also when night duty starts (first occurrence). */
    public Instant workdayEndOf(LocalDate day) {
        return LocalHandoff.at(day, workdayEnd, zone);
    }

    /** The end of the MRO day as an end: the later occurrence of an ambiguous time. */
    public Instant workdayEndAsEndOf(LocalDate day) {
        return LocalHandoff.endAt(day, workdayEnd, zone);
    }

    /** The day whose handoff started the period containing {@code instant}. */
    public LocalDate dutyDayOf(Instant instant) {
        LocalDate local = instant.atZone(zone).toLocalDate();
        return handoffOf(local).isAfter(instant) ? local.minusDays(1) : local;
    }

    public static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}

package io.commandpost.rotation.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Three years of daily handoffs in four zones, for handoffs at 09:00 and at 02:30: every shift
 * ends where the next begins (or, at an ambiguous handoff, overlaps it by the repeated hour: the
 * next starts at the first occurrence, this one ends at the last), lasts 24 hours give or take the
 * day's DST change, and starts at the handoff's wall-clock time, or at the transition when that
 * time does not exist that day.
 */
class DstTableTest {

    @ParameterizedTest(name = "{0} handoff {1}: {2} gaps, {3} overlaps")
    @CsvSource({
            "Europe/Paris,       09:00, 0, 0",
            "Europe/Paris,       02:30, 3, 3",
            "America/New_York,   09:00, 0, 0",
            "America/New_York,   02:30, 3, 0",
            "Australia/Sydney,   09:00, 0, 0",
            "Australia/Sydney,   02:30, 3, 3",
            "Asia/Kolkata,       09:00, 0, 0",
            "Asia/Kolkata,       02:30, 0, 0",
    })
    void dailyHandoffsOverThreeYears(String zoneId, String handoff, int expectedGaps, int expectedOverlaps) {
        ZoneId zone = ZoneId.of(zoneId);
        LocalTime time = LocalTime.parse(handoff);
        RotationConfig config = new RotationConfig("t", zone, time, List.of("a", "b", "c", "d"),
                LocalDate.parse("2025-01-01").atTime(12, 0).atZone(zone).toInstant());
        int gaps = 0;
        int overlaps = 0;
        PlannedShift previous = MroPlan.shiftOf(config, LocalDate.parse("2025-01-01"));
        for (LocalDate day = LocalDate.parse("2025-01-02"); day.isBefore(LocalDate.parse("2028-01-01"));
             day = day.plusDays(1)) {
            PlannedShift shift = MroPlan.shiftOf(config, day);
            LocalDateTime wall = day.atTime(time);
            ZoneOffsetTransition transition = zone.getRules().getTransition(wall);
            if (transition != null && transition.isGap()) {
                gaps++;
                assertThat(shift.shiftStart()).as("%s", day).isEqualTo(transition.getInstant());
            } else {
                if (transition != null) {
                    overlaps++;
                    assertThat(shift.shiftStart()).as("%s", day)
                            .isEqualTo(wall.atOffset(transition.getOffsetBefore()).toInstant());
                }
                assertThat(shift.shiftStart().atZone(zone).toLocalDateTime()).as("%s", day).isEqualTo(wall);
            }
            if (transition != null && transition.isOverlap()) {
                // GoAlert: the new shift starts at the first 02:30, the previous one ends at the last
                assertThat(previous.shiftEnd()).as("%s", day)
                        .isEqualTo(wall.atOffset(transition.getOffsetAfter()).toInstant());
                assertThat(Duration.between(shift.shiftStart(), previous.shiftEnd())).as("%s", day)
                        .isEqualTo(transition.getDuration().negated());
            } else {
                assertThat(shift.shiftStart()).as("%s", day).isEqualTo(previous.shiftEnd());
            }
            assertThat(shift.member()).as("%s", day).isNotEqualTo(previous.member());
            Duration length = Duration.between(shift.shiftStart(), shift.shiftEnd());
            assertThat(length).as("%s", day).isBetween(Duration.ofHours(23), Duration.ofHours(25));
            previous = shift;
        }
        assertThat(gaps).isEqualTo(expectedGaps);
        assertThat(overlaps).isEqualTo(expectedOverlaps);
    }

    @ParameterizedTest(name = "{0}: {1} starts at {2}")
    @CsvSource({
            "Europe/Paris,     2026-03-29, 2026-03-29T01:00:00Z",
            "Europe/Paris,     2026-10-25, 2026-10-25T00:30:00Z",
            "America/New_York, 2026-03-08, 2026-03-08T07:00:00Z",
            "America/New_York, 2026-11-01, 2026-11-01T07:30:00Z",
            "Australia/Sydney, 2026-04-05, 2026-04-04T15:30:00Z",
            "Australia/Sydney, 2026-10-04, 2026-10-03T16:00:00Z",
            "Asia/Kolkata,     2026-03-29, 2026-03-28T21:00:00Z",
    })
    void halfPastTwoOnTransitionDays(String zoneId, String day, String expectedStart) {
        ZoneId zone = ZoneId.of(zoneId);
        Instant start = LocalHandoff.at(LocalDate.parse(day), LocalTime.parse("02:30"), zone);
        assertThat(start).isEqualTo(Instant.parse(expectedStart));
    }
}

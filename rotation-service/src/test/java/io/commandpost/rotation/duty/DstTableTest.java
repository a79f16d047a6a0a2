package io.commandpost.rotation.duty;

import static org.assertj.core.api.Assertions.assertThat;

import io.commandpost.events.ShiftKind;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * GoAlert's DST rules on the MRO shifts exactly as the handoff job starts them (the duty plan
 * through {@link PlannedShift}). Three years of daily handoffs in four zones, at 09:00 and at
 * 02:30: every shift ends where the next begins (or, at an ambiguous handoff, overlaps it by the
 * repeated hour: the next starts at the first occurrence, this one ends at the last), lasts 24 hours
 * give or take the day's DST change, and starts at the handoff's wall-clock time, or at the
 * transition when that time does not exist that day.
 */
class DstTableTest {

    private static final List<String> FOUR = List.of("a", "b", "c", "d");

    private static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    private static DutyConfig everyDay(ZoneId zone, LocalTime handoff, LocalDate anchor) {
        return new DutyConfig("t", zone, handoff, LocalTime.of(18, 0), FOUR, List.of(), DutyConfig.Coverage.EVERY_DAY,
                DutyConfig.NightLength.DAILY, anchor);
    }

    /** The MRO shifts of every day from the team's creation through {@code to}, by day. */
    private static Map<LocalDate, PlannedShift> mroShifts(DutyConfig config, Instant createdAt, LocalDate to) {
        List<DayPlan> days = DutyPlanner.simulate(config, DutyInputs.NONE, to).days();
        Map<LocalDate, PlannedShift> shifts = new HashMap<>();
        for (PlannedShift shift : PlannedShift.of(config.teamId(), createdAt, DutyInputs.NONE, days)) {
            assertThat(shift.kind()).isEqualTo(ShiftKind.MRO_DAY);
            shifts.put(shift.day(), shift);
        }
        return shifts;
    }

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
        LocalDate firstDay = LocalDate.parse("2025-01-01");
        Instant createdAt = firstDay.atTime(12, 0).atZone(zone).toInstant();
        Map<LocalDate, PlannedShift> shifts = mroShifts(everyDay(zone, time, firstDay), createdAt,
                LocalDate.parse("2027-12-31"));
        int gaps = 0;
        int overlaps = 0;
        PlannedShift previous = shifts.get(firstDay);
        assertThat(previous.start()).isEqualTo(createdAt);
        for (LocalDate day = firstDay.plusDays(1); day.isBefore(LocalDate.parse("2028-01-01")); day = day.plusDays(1)) {
            PlannedShift shift = shifts.get(day);
            LocalDateTime wall = day.atTime(time);
            ZoneOffsetTransition transition = zone.getRules().getTransition(wall);
            if (transition != null && transition.isGap()) {
                gaps++;
                assertThat(shift.start()).as("%s", day).isEqualTo(transition.getInstant());
            } else {
                if (transition != null) {
                    overlaps++;
                    assertThat(shift.start()).as("%s", day)
                            .isEqualTo(wall.atOffset(transition.getOffsetBefore()).toInstant());
                }
                assertThat(shift.start().atZone(zone).toLocalDateTime()).as("%s", day).isEqualTo(wall);
            }
            if (transition != null && transition.isOverlap()) {
                // GoAlert: the new shift starts at the first 02:30, the previous one ends at the last
                assertThat(previous.end()).as("%s", day)
                        .isEqualTo(wall.atOffset(transition.getOffsetAfter()).toInstant());
                assertThat(Duration.between(shift.start(), previous.end())).as("%s", day)
                        .isEqualTo(transition.getDuration().negated());
            } else {
                assertThat(shift.start()).as("%s", day).isEqualTo(previous.end());
            }
            assertThat(shift.member()).as("%s", day).isNotEqualTo(previous.member());
            assertThat(Duration.between(shift.start(), shift.end())).as("%s", day)
                    .isBetween(Duration.ofHours(23), Duration.ofHours(25));
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

    @Test
    void aHandoffInTheSpringForwardGapHappensAtTheFirstValidInstantAfterIt() {
        // Europe/Paris, 2025-03-30: 02:00 CET jumps to 03:00 CEST, so 02:30 does not exist
        DutyConfig config = everyDay(ZoneId.of("Europe/Paris"), LocalTime.of(2, 30), LocalDate.parse("2025-03-25"));
        Map<LocalDate, PlannedShift> shifts = mroShifts(config, at("2025-03-25T12:00+01:00"),
                LocalDate.parse("2025-04-01"));
        PlannedShift before = shifts.get(LocalDate.parse("2025-03-29"));
        PlannedShift gapDay = shifts.get(LocalDate.parse("2025-03-30"));

        assertThat(gapDay.start()).isEqualTo(at("2025-03-30T03:00+02:00"));
        assertThat(before.end()).isEqualTo(gapDay.start());
        assertThat(Duration.between(before.start(), before.end())).isEqualTo(Duration.ofMinutes(23 * 60 + 30));
        DutyTimeline timeline = DutyTimeline.of(config);
        assertThat(timeline.dutyDayOf(at("2025-03-30T01:59:59+01:00"))).isEqualTo(before.day());
        assertThat(timeline.dutyDayOf(at("2025-03-30T03:00+02:00"))).isEqualTo(gapDay.day());
    }

    @Test
    void theSecondOccurrenceOfAnAmbiguousHandoffStartsNoNewShift() {
        // Europe/Paris, 2025-10-26: 03:00 CEST falls back to 02:00 CET, so 02:30 happens twice
        DutyConfig config = everyDay(ZoneId.of("Europe/Paris"), LocalTime.of(2, 30), LocalDate.parse("2025-10-20"));
        PlannedShift fallBack = mroShifts(config, at("2025-10-20T12:00+02:00"), LocalDate.parse("2025-10-27"))
                .get(LocalDate.parse("2025-10-26"));

        assertThat(fallBack.start()).isEqualTo(at("2025-10-26T02:30+02:00"));
        assertThat(Duration.between(fallBack.start(), fallBack.end())).isEqualTo(Duration.ofHours(25));
        assertThat(DutyTimeline.of(config).dutyDayOf(at("2025-10-26T02:30+01:00"))).isEqualTo(fallBack.day());
    }

    @Test
    void everyInstantOfAYearFallsInTheShiftOfItsDutyDaySampledEveryQuarterHour() {
        for (String zoneId : List.of("Europe/Paris", "America/New_York")) {
            for (String handoff : List.of("09:00", "02:30", "01:30")) {
                ZoneId zone = ZoneId.of(zoneId);
                Instant createdAt = at("2025-01-01T12:00Z");
                LocalDate anchor = everyDay(zone, LocalTime.parse(handoff), LocalDate.EPOCH).dutyDayOf(createdAt);
                DutyConfig config = everyDay(zone, LocalTime.parse(handoff), anchor);
                Map<LocalDate, PlannedShift> shifts = mroShifts(config, createdAt, LocalDate.parse("2026-01-02"));
                DutyTimeline timeline = DutyTimeline.of(config);
                LocalDate previous = config.anchorDay();
                for (Instant t = createdAt; t.isBefore(at("2026-01-01T12:00Z")); t = t.plusSeconds(900)) {
                    LocalDate day = timeline.dutyDayOf(t);
                    PlannedShift shift = shifts.get(day);
                    assertThat(!t.isBefore(shift.start()) && t.isBefore(shift.end()))
                            .as("%s %s at %s", zoneId, handoff, t).isTrue();
                    // never skips a day, never goes back
                    assertThat(day).as("%s %s at %s", zoneId, handoff, t).isIn(previous, previous.plusDays(1));
                    previous = day;
                }
            }
        }
    }
}

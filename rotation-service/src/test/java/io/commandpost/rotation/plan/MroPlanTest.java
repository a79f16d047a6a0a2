package io.commandpost.rotation.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class MroPlanTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    private static RotationConfig team(ZoneId zone, String handoff, String createdAt) {
        return new RotationConfig("payments", zone, LocalTime.parse(handoff), List.of("alice", "bob", "carol"),
                at(createdAt));
    }

    @Test
    void startsWithTheFirstMemberAtCreationAndRotatesAtEachHandoff() {
        RotationConfig config = team(PARIS, "09:00", "2025-01-06T10:00+01:00");

        PlannedShift first = MroPlan.mroAt(config, config.createdAt());
        assertThat(first.member()).isEqualTo("alice");
        assertThat(first.shiftStart()).isEqualTo(config.createdAt());
        assertThat(first.shiftEnd()).isEqualTo(at("2025-01-07T09:00+01:00"));

        assertThat(MroPlan.mroAt(config, at("2025-01-07T08:59:59+01:00")).member()).isEqualTo("alice");
        assertThat(MroPlan.mroAt(config, at("2025-01-07T09:00+01:00")).member()).isEqualTo("bob");
        assertThat(MroPlan.mroAt(config, at("2025-01-08T12:00+01:00")).member()).isEqualTo("carol");
        assertThat(MroPlan.mroAt(config, at("2025-01-09T09:00+01:00")).member()).isEqualTo("alice");
        assertThat(MroPlan.mroAt(config, at("2025-01-09T09:00+01:00")).index()).isEqualTo(3);
    }

    @Test
    void aTeamCreatedBeforeTheHandoffStartsWithItsFirstMemberUntilThatHandoff() {
        RotationConfig config = team(PARIS, "09:00", "2025-01-06T07:00+01:00");

        PlannedShift first = MroPlan.mroAt(config, config.createdAt());
        assertThat(first.member()).isEqualTo("alice");
        assertThat(first.shiftEnd()).isEqualTo(at("2025-01-06T09:00+01:00"));
        assertThat(MroPlan.mroAt(config, at("2025-01-06T09:00+01:00")).member()).isEqualTo("bob");
    }

    @Test
    void hasNoPlanBeforeTheTeamExisted() {
        RotationConfig config = team(PARIS, "09:00", "2025-01-06T10:00+01:00");
        assertThatThrownBy(() -> MroPlan.mroAt(config, at("2025-01-06T09:59+01:00")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aHandoffInTheSpringForwardGapHappensAtTheFirstValidInstantAfterIt() {
        // Europe/Paris, 2025-03-30: 02:00 CET jumps to 03:00 CEST, so 02:30 does not exist
        RotationConfig config = team(PARIS, "02:30", "2025-03-25T12:00+01:00");

        PlannedShift before = MroPlan.shiftOf(config, LocalDate.parse("2025-03-29"));
        PlannedShift gapDay = MroPlan.shiftOf(config, LocalDate.parse("2025-03-30"));
        PlannedShift after = MroPlan.shiftOf(config, LocalDate.parse("2025-03-31"));

        assertThat(before.shiftStart()).isEqualTo(at("2025-03-29T02:30+01:00"));
        assertThat(gapDay.shiftStart()).isEqualTo(at("2025-03-30T03:00+02:00"));
        assertThat(before.shiftEnd()).isEqualTo(gapDay.shiftStart());
        assertThat(Duration.between(before.shiftStart(), before.shiftEnd())).isEqualTo(Duration.ofMinutes(23 * 60 + 30));
        assertThat(after.shiftStart()).isEqualTo(at("2025-03-31T02:30+02:00"));
        assertThat(MroPlan.mroAt(config, at("2025-03-30T01:59:59+01:00")).day())
                .isEqualTo(LocalDate.parse("2025-03-29"));
        assertThat(MroPlan.mroAt(config, at("2025-03-30T03:00+02:00")).member()).isEqualTo(gapDay.member());
        assertThat(List.of(before.member(), gapDay.member(), after.member())).doesNotHaveDuplicates();
    }

    @Test
    void anAmbiguousHandoffStartsAtTheFirstOccurrenceAndThePreviousShiftEndsAtTheLast() {
        // Europe/Paris, 2025-10-26: 03:00 CEST falls back to 02:00 CET, so 02:30 happens twice
        RotationConfig config = team(PARIS, "02:30", "2025-10-20T12:00+02:00");

        PlannedShift fallBack = MroPlan.shiftOf(config, LocalDate.parse("2025-10-26"));

        assertThat(fallBack.shiftStart()).isEqualTo(at("2025-10-26T02:30+02:00"));
        assertThat(fallBack.shiftEnd()).isEqualTo(at("2025-10-27T02:30+01:00"));
        assertThat(Duration.between(fallBack.shiftStart(), fallBack.shiftEnd())).isEqualTo(Duration.ofHours(25));
        // the shift before ends at the second 02:30: the two overlap by the repeated hour
        PlannedShift saturday = MroPlan.shiftOf(config, LocalDate.parse("2025-10-25"));
        assertThat(saturday.shiftEnd()).isEqualTo(at("2025-10-26T02:30+01:00"));
        assertThat(Duration.between(fallBack.shiftStart(), saturday.shiftEnd())).isEqualTo(Duration.ofHours(1));
        // the second 02:30 is inside the shift, it does not start another one
        assertThat(MroPlan.mroAt(config, at("2025-10-26T02:30+01:00")).day()).isEqualTo(fallBack.day());
    }

    @Test
    void newYorkFallBackMakesA25HourShiftAndAnAmbiguous0130HandoffUsesDaylightTime() {
        RotationConfig nine = team(NEW_YORK, "09:00", "2025-10-01T12:00-04:00");
        PlannedShift saturday = MroPlan.shiftOf(nine, LocalDate.parse("2025-11-01"));
        assertThat(saturday.shiftStart()).isEqualTo(at("2025-11-01T09:00-04:00"));
        assertThat(saturday.shiftEnd()).isEqualTo(at("2025-11-02T09:00-05:00"));
        assertThat(Duration.between(saturday.shiftStart(), saturday.shiftEnd())).isEqualTo(Duration.ofHours(25));

        RotationConfig halfPastOne = team(NEW_YORK, "01:30", "2025-10-01T12:00-04:00");
        PlannedShift sunday = MroPlan.shiftOf(halfPastOne, LocalDate.parse("2025-11-02"));
        assertThat(sunday.shiftStart()).isEqualTo(at("2025-11-02T01:30-04:00"));
        assertThat(MroPlan.mroAt(halfPastOne, at("2025-11-02T01:30-05:00")).day()).isEqualTo(sunday.day());
    }

    @Test
    void neverSkipsNorRepeatsAShiftOverAYearSampledEveryQuarterHour() {
        for (ZoneId zone : List.of(PARIS, NEW_YORK)) {
            for (String handoff : List.of("09:00", "02:30", "01:30")) {
                RotationConfig config = team(zone, handoff, "2025-01-01T12:00Z");
                PlannedShift previous = MroPlan.mroAt(config, config.createdAt());
                for (Instant t = config.createdAt(); t.isBefore(at("2026-01-01T12:00Z")); t = t.plusSeconds(900)) {
                    PlannedShift now = MroPlan.mroAt(config, t);
                    assertThat(now.contains(t)).as("%s %s at %s", zone, handoff, t).isTrue();
                    if (now.index() != previous.index()) {
                        assertThat(now.index()).as("%s %s at %s", zone, handoff, t).isEqualTo(previous.index() + 1);
                        // shifts meet, or overlap by the repeated hour at an ambiguous handoff
                        assertThat(Duration.between(now.shiftStart(), previous.shiftEnd()))
                                .as("%s %s at %s", zone, handoff, t).isBetween(Duration.ZERO, Duration.ofHours(1));
                        previous = now;
                    }
                }
                assertThat(previous.index()).as("%s %s", zone, handoff).isBetween(364L, 365L);
            }
        }
    }
}

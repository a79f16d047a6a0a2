package io.commandpost.rotation.shift;

import static org.assertj.core.api.Assertions.assertThat;

import io.commandpost.events.ShiftEvent.ShiftStarted;
import io.commandpost.events.ShiftKind;
import io.commandpost.rotation.duty.DutyConfig;
import io.commandpost.rotation.duty.DutyInputs;
import io.commandpost.rotation.duty.DutyTimeline;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HandoffDeciderTest {

    private static final Duration LATE_AFTER = Duration.ofMinutes(1);
    /** Round robin every day, no night duty; created on Monday 2025-01-06 at 10:00 Paris. */
    private static final HandoffDecider.TeamDuty PAYMENTS = team(at("2025-01-06T10:00+01:00"),
            LocalDate.parse("2025-01-06"));

    private static HandoffDecider.TeamDuty team(Instant createdAt, LocalDate firstDay) {
        DutyConfig config = new DutyConfig("payments", ZoneId.of("Europe/Paris"), LocalTime.of(9, 0),
                LocalTime.of(18, 0), List.of("alice", "bob", "carol"), List.of(), DutyConfig.Coverage.EVERY_DAY,
                DutyConfig.NightLength.DAILY, firstDay);
        return new HandoffDecider.TeamDuty("payments", createdAt, DutyTimeline.of(config), DutyInputs.NONE, Map.of());
    }

    private static List<ShiftStarted> due(HandoffDecider.TeamDuty team, ShiftHistory history, Instant now) {
        return HandoffDecider.due(team, history, now, LATE_AFTER).stream()
                .filter(ShiftStarted.class::isInstance).map(ShiftStarted.class::cast).toList();
    }

    private static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    private static ShiftHistory apply(ShiftHistory history, List<ShiftStarted> events) {
        for (ShiftStarted event : events) {
            history = ShiftHistory.evolve(history, event, history.version() + 1);
        }
        return history;
    }

    @Test
    void startsTheFirstShiftAtCreationOnTime() {
        List<ShiftStarted> due = due(PAYMENTS, ShiftHistory.EMPTY, PAYMENTS.createdAt());

        assertThat(due).singleElement().satisfies(shift -> {
            assertThat(shift.member()).isEqualTo("alice");
            assertThat(shift.kind()).isEqualTo(ShiftKind.MRO_DAY);
            assertThat(shift.startsAt()).isEqualTo(PAYMENTS.createdAt());
            assertThat(shift.previousShiftId()).isNull();
            assertThat(shift.late()).isFalse();
        });
    }

    @Test
    void aTeamCreatedBeforeTheHandoffStartsWithItsFirstMemberUntilThatHandoff() {
        // created at 07:00 on Monday: day 0 is Sunday's period, which runs until Monday 09:00
        HandoffDecider.TeamDuty early = team(at("2025-01-06T07:00+01:00"), LocalDate.parse("2025-01-05"));
        ShiftHistory history = apply(ShiftHistory.EMPTY, due(early, ShiftHistory.EMPTY, early.createdAt()));

        assertThat(history.last().orElseThrow()).satisfies(shift -> {
            assertThat(shift.member()).isEqualTo("alice");
            assertThat(shift.startsAt()).isEqualTo(early.createdAt());
            assertThat(shift.endsAt()).isEqualTo(at("2025-01-06T09:00+01:00"));
        });
        assertThat(due(early, history, at("2025-01-06T09:00+01:00"))).extracting(ShiftStarted::member)
                .containsExactly("bob");
    }

    @Test
    void startsNothingBeforeTheTeamExisted() {
        assertThat(due(PAYMENTS, ShiftHistory.EMPTY, at("2025-01-06T09:59+01:00"))).isEmpty();
    }

    @Test
    void startsNothingWhileTheCurrentShiftRuns() {
        ShiftHistory history = apply(ShiftHistory.EMPTY,
                due(PAYMENTS, ShiftHistory.EMPTY, PAYMENTS.createdAt()));
        assertThat(due(PAYMENTS, history, at("2025-01-07T08:59:59+01:00"))).isEmpty();
    }

    @Test
    void startsTheNextShiftAtTheHandoffOnceAndLinksThePreviousOne() {
        ShiftHistory history = apply(ShiftHistory.EMPTY,
                due(PAYMENTS, ShiftHistory.EMPTY, PAYMENTS.createdAt()));
        Instant handoff = at("2025-01-07T09:00:05+01:00");

        List<ShiftStarted> due = due(PAYMENTS, history, handoff);

        assertThat(due).singleElement().satisfies(shift -> {
            assertThat(shift.member()).isEqualTo("bob");
            assertThat(shift.startsAt()).isEqualTo(at("2025-01-07T09:00+01:00"));
            assertThat(shift.previousShiftId()).isEqualTo(history.last(ShiftKind.MRO_DAY).orElseThrow().shiftId());
            assertThat(shift.late()).isFalse();
        });
        assertThat(due(PAYMENTS, apply(history, due), handoff)).isEmpty();
    }

    @Test
    void twoDecidersAtTheSameInstantProposeTheSameShift() {
        Instant handoff = at("2025-01-07T09:00:05+01:00");
        assertThat(due(PAYMENTS, ShiftHistory.EMPTY, handoff))
                .isEqualTo(due(PAYMENTS, ShiftHistory.EMPTY, handoff));
    }

    @Test
    void afterDowntimeStartsEveryMissedShiftLateInOrderAndNeverTwice() {
        ShiftHistory history = apply(ShiftHistory.EMPTY,
                due(PAYMENTS, ShiftHistory.EMPTY, PAYMENTS.createdAt()));
        Instant backUp = at("2025-01-09T11:00+01:00");

        List<ShiftStarted> due = due(PAYMENTS, history, backUp);

        assertThat(due).extracting(ShiftStarted::member).containsExactly("bob", "carol", "alice");
        assertThat(due).allMatch(ShiftStarted::late);
        assertThat(due.get(1).previousShiftId()).isEqualTo(due.get(0).shiftId());
        assertThat(due.get(2).startsAt()).isEqualTo(at("2025-01-09T09:00+01:00"));
        assertThat(due(PAYMENTS, apply(history, due), backUp.plusSeconds(10))).isEmpty();
    }

    @Test
    void theTimersTickPlansFromTheFactsOnTheStreamItIsHanded() {
        // recorded by older code: alice took Monday, Tuesday and Wednesday
        ShiftHistory history = ShiftHistory.EMPTY;
        for (String day : List.of("2025-01-06T10:00+01:00", "2025-01-07T09:00+01:00", "2025-01-08T09:00+01:00")) {
            Instant at = at(day);
            ShiftStarted planned = due(PAYMENTS, history, at).get(0);
            ShiftStarted asRecorded = new ShiftStarted(planned.teamId(), planned.shiftId(), planned.kind(), "alice",
                    planned.startsAt(), planned.endsAt(), planned.previousShiftId(), planned.previousHandoverId(),
                    false, at, "alice", null);
            history = apply(history, List.of(asRecorded));
        }
        Instant thursday = at("2025-01-09T09:00:05+01:00");

        List<ShiftStarted> ticked = HandoffDecider.rules(PAYMENTS, LATE_AFTER).tick(history, thursday).stream()
                .filter(ShiftStarted.class::isInstance).map(ShiftStarted.class::cast).toList();

        // replayed from day one without the facts, Thursday would be alice's again
        assertThat(due(PAYMENTS, history, thursday)).extracting(ShiftStarted::member).containsExactly("alice");
        // the tick counts what happened: alice, three days ahead, is not Thursday's MRO
        assertThat(ticked).singleElement().satisfies(shift -> {
            assertThat(shift.member()).isNotEqualTo("alice");
            assertThat(shift.plannedMember()).isEqualTo(shift.member());
            assertThat(shift.reason()).isNotBlank();
        });
        assertThat(HandoffDecider.rules(PAYMENTS, LATE_AFTER).wakeAt(history)).contains(at("2025-01-09T09:00+01:00"));
    }

    @Test
    void aTeamThreeYearsOldKeepsOnlySixWeeksOfHistoryAndItsRotationGoesOnAsIfItKeptAll() {
        ShiftHistory history = ShiftHistory.EMPTY;
        Instant now = at("2025-01-06T10:00+01:00");
        for (int day = 0; day < 3 * 365; day++) {
            history = apply(history, due(PAYMENTS.after(history), history, now));
            now = now.plus(Duration.ofDays(1));
        }

        // one MRO day a day, three years: only the last six weeks are kept
        assertThat(history.started()).hasSizeBetween(42, 43);
        assertThat(history.version()).isEqualTo(3 * 365);
        // round robin from alice on day 0: the kept facts give the same turn as the whole past would
        List<ShiftStarted> next = due(PAYMENTS.after(history), history, now);
        assertThat(next).extracting(ShiftStarted::member)
                .containsExactly(List.of("alice", "bob", "carol").get((3 * 365) % 3));
        assertThat(history.last().orElseThrow().member()).isEqualTo(List.of("alice", "bob", "carol").get((3 * 365 - 1) % 3));
    }
}

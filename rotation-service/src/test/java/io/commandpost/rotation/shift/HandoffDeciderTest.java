package io.commandpost.rotation.shift;

import static org.assertj.core.api.Assertions.assertThat;

import io.commandpost.events.ShiftEvent.ShiftStarted;
import io.commandpost.events.ShiftKind;
import io.commandpost.rotation.plan.RotationConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandoffDeciderTest {

    private static final Duration LATE_AFTER = Duration.ofMinutes(1);
    private static final RotationConfig PAYMENTS = new RotationConfig("payments", ZoneId.of("Europe/Paris"),
            LocalTime.of(9, 0), List.of("alice", "bob", "carol"), at("2025-01-06T10:00+01:00"));

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
        List<ShiftStarted> due = HandoffDecider.due(PAYMENTS, ShiftHistory.EMPTY, PAYMENTS.createdAt(), LATE_AFTER);

        assertThat(due).singleElement().satisfies(shift -> {
            assertThat(shift.member()).isEqualTo("alice");
            assertThat(shift.kind()).isEqualTo(ShiftKind.MRO_DAY);
            assertThat(shift.startsAt()).isEqualTo(PAYMENTS.createdAt());
            assertThat(shift.previousShiftId()).isNull();
            assertThat(shift.late()).isFalse();
        });
    }

    @Test
    void startsNothingWhileTheCurrentShiftRuns() {
        ShiftHistory history = apply(ShiftHistory.EMPTY,
                HandoffDecider.due(PAYMENTS, ShiftHistory.EMPTY, PAYMENTS.createdAt(), LATE_AFTER));
        assertThat(HandoffDecider.due(PAYMENTS, history, at("2025-01-07T08:59:59+01:00"), LATE_AFTER)).isEmpty();
    }

    @Test
    void startsTheNextShiftAtTheHandoffOnceAndLinksThePreviousOne() {
        ShiftHistory history = apply(ShiftHistory.EMPTY,
                HandoffDecider.due(PAYMENTS, ShiftHistory.EMPTY, PAYMENTS.createdAt(), LATE_AFTER));
        Instant handoff = at("2025-01-07T09:00:05+01:00");

        List<ShiftStarted> due = HandoffDecider.due(PAYMENTS, history, handoff, LATE_AFTER);

        assertThat(due).singleElement().satisfies(shift -> {
            assertThat(shift.member()).isEqualTo("bob");
            assertThat(shift.startsAt()).isEqualTo(at("2025-01-07T09:00+01:00"));
            assertThat(shift.previousShiftId()).isEqualTo(history.last(ShiftKind.MRO_DAY).orElseThrow().shiftId());
            assertThat(shift.late()).isFalse();
        });
        assertThat(HandoffDecider.due(PAYMENTS, apply(history, due), handoff, LATE_AFTER)).isEmpty();
    }

    @Test
    void twoDecidersAtTheSameInstantProposeTheSameShift() {
        Instant handoff = at("2025-01-07T09:00:05+01:00");
        assertThat(HandoffDecider.due(PAYMENTS, ShiftHistory.EMPTY, handoff, LATE_AFTER))
                .isEqualTo(HandoffDecider.due(PAYMENTS, ShiftHistory.EMPTY, handoff, LATE_AFTER));
    }

    @Test
    void afterDowntimeStartsEveryMissedShiftLateInOrderAndNeverTwice() {
        ShiftHistory history = apply(ShiftHistory.EMPTY,
                HandoffDecider.due(PAYMENTS, ShiftHistory.EMPTY, PAYMENTS.createdAt(), LATE_AFTER));
        Instant backUp = at("2025-01-09T11:00+01:00");

        List<ShiftStarted> due = HandoffDecider.due(PAYMENTS, history, backUp, LATE_AFTER);

        assertThat(due).extracting(ShiftStarted::member).containsExactly("bob", "carol", "alice");
        assertThat(due).allMatch(ShiftStarted::late);
        assertThat(due.get(1).previousShiftId()).isEqualTo(due.get(0).shiftId());
        assertThat(due.get(2).startsAt()).isEqualTo(at("2025-01-09T09:00+01:00"));
        assertThat(HandoffDecider.due(PAYMENTS, apply(history, due), backUp.plusSeconds(10), LATE_AFTER)).isEmpty();
    }
}

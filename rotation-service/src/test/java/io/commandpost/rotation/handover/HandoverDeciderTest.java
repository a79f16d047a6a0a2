package io.commandpost.rotation.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commandpost.events.ShiftEvent;
import io.commandpost.events.ShiftKind;
import io.commandpost.platform.domain.InvalidCommandException;
import io.commandpost.platform.domain.NotFoundException;
import io.commandpost.platform.domain.RuleViolationException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HandoverDeciderTest {

    static final Instant NOW = Instant.parse("2025-03-03T17:00:00Z");
    static final Duration THIRTY_MINUTES = Duration.ofMinutes(30);
    static final UUID SHIFT = UUID.fromString("00000000-0000-0000-0000-000000000001");

    static HandoverLog givenAliceOnDuty() {
        var started = new ShiftEvent.ShiftStarted("payments", SHIFT, ShiftKind.MRO_DAY, "alice",
                Instant.parse("2025-03-03T08:00:00Z"), Instant.parse("2025-03-04T08:00:00Z"), null, null, false,
                Instant.parse("2025-03-03T08:00:00Z"));
        return HandoverLog.evolve(HandoverLog.EMPTY, started, 1);
    }

    static HandoverLog then(HandoverLog log, ShiftEvent event) {
        return HandoverLog.evolve(log, event, log.version() + 1);
    }

    static ShiftEvent.ShiftHandedOver aliceHandsOverToBob(HandoverLog log) {
        return HandoverDecider.submit(new HandoverCommand.Submit("payments", "alice", "db is flaky"), log,
                new Receiver("payments", "bob"), List.of("alert:db-down", "question:q1"), NOW, THIRTY_MINUTES);
    }

    @Test
    void givenAliceOnDuty_whenSheHandsOver_thenBobGetsEveryOpenItemAndHalfAnHourToAccept() {
        ShiftEvent.ShiftHandedOver given = aliceHandsOverToBob(givenAliceOnDuty());

        assertThat(given.shiftId()).isEqualTo(SHIFT);
        assertThat(given.fromMember()).isEqualTo("alice");
        assertThat(given.toTeamId()).isEqualTo("payments");
        assertThat(given.toMember()).isEqualTo("bob");
        assertThat(given.openItems()).containsExactly("alert:db-down", "question:q1");
        assertThat(given.acceptBy()).isEqualTo(NOW.plus(THIRTY_MINUTES));
        assertThat(given.handoverId()).isEqualTo(HandoverDecider.handoverId("payments", SHIFT));
    }

    @Test
    void givenAliceOnDuty_whenBobHandsOver_thenRejected() {
        assertThatThrownBy(() -> HandoverDecider.submit(new HandoverCommand.Submit("payments", "bob", ""),
                givenAliceOnDuty(), new Receiver("payments", "alice"), List.of(), NOW, THIRTY_MINUTES))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("alice");
    }

    @Test
    void givenNoShiftOrNoReceiverOrASecondHandover_thenRejected() {
        var submit = new HandoverCommand.Submit("payments", "alice", "");
        assertThatThrownBy(() -> HandoverDecider.submit(submit, HandoverLog.EMPTY, new Receiver("payments", "bob"),
                List.of(), NOW, THIRTY_MINUTES)).isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> HandoverDecider.submit(submit, givenAliceOnDuty(), null, List.of(), NOW,
                THIRTY_MINUTES)).isInstanceOf(RuleViolationException.class);
        HandoverLog handedOver = then(givenAliceOnDuty(), aliceHandsOverToBob(givenAliceOnDuty()));
        assertThatThrownBy(() -> HandoverDecider.submit(submit, handedOver, new Receiver("payments", "bob"),
                List.of(), NOW, THIRTY_MINUTES)).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("already handed over");
    }

    @Test
    void blankGiverIsBadInput() {
        assertThatThrownBy(() -> HandoverDecider.submit(new HandoverCommand.Submit("payments", " ", ""),
                givenAliceOnDuty(), new Receiver("payments", "bob"), List.of(), NOW, THIRTY_MINUTES))
                .isInstanceOf(InvalidCommandException.class);
    }

    @Test
    void onlyTheReceiverAcceptsAndOnlyOnce() {
        ShiftEvent.ShiftHandedOver given = aliceHandsOverToBob(givenAliceOnDuty());
        HandoverLog log = then(givenAliceOnDuty(), given);

        assertThatThrownBy(() -> HandoverDecider.accept(new HandoverCommand.Accept("payments", given.handoverId(),
                "carol"), log, NOW)).isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> HandoverDecider.accept(new HandoverCommand.Accept("payments", UUID.randomUUID(),
                "bob"), log, NOW)).isInstanceOf(NotFoundException.class);

        var accepted = HandoverDecider.accept(new HandoverCommand.Accept("payments", given.handoverId(), "bob"), log,
                NOW.plusSeconds(60));
        assertThat(accepted.acceptedBy()).isEqualTo("bob");
        HandoverLog after = then(log, accepted);
        assertThat(after.handover(given.handoverId()).orElseThrow().status()).isEqualTo(Handover.Status.ACCEPTED);
        assertThatThrownBy(() -> HandoverDecider.accept(new HandoverCommand.Accept("payments", given.handoverId(),
                "bob"), after, NOW)).isInstanceOf(RuleViolationException.class).hasMessageContaining("already");
    }

    @Test
    void anUnacceptedHandoverIsReportedOverdueOnceAtItsDeadline() {
        ShiftEvent.ShiftHandedOver given = aliceHandsOverToBob(givenAliceOnDuty());
        HandoverLog log = then(givenAliceOnDuty(), given);

        assertThat(HandoverDecider.overdue(log, given.acceptBy().minusSeconds(1))).isEmpty();
        var overdue = HandoverDecider.overdue(log, given.acceptBy());
        assertThat(overdue).singleElement().satisfies(event -> {
            assertThat(event.handoverId()).isEqualTo(given.handoverId());
            assertThat(event.toMember()).isEqualTo("bob");
            assertThat(event.acceptBy()).isEqualTo(given.acceptBy());
        });
        HandoverLog reported = then(log, overdue.get(0));
        assertThat(HandoverDecider.overdue(reported, given.acceptBy().plusSeconds(3600))).isEmpty();
        assertThat(reported.handover(given.handoverId()).orElseThrow().status()).isEqualTo(Handover.Status.OVERDUE);
    }

    @Test
    void anAcceptedHandoverIsNeverOverdue() {
        ShiftEvent.ShiftHandedOver given = aliceHandsOverToBob(givenAliceOnDuty());
        HandoverLog log = then(then(givenAliceOnDuty(), given),
                new ShiftEvent.ShiftHandoverAccepted("payments", given.handoverId(), "bob", NOW.plusSeconds(60)));
        assertThat(HandoverDecider.overdue(log, given.acceptBy().plusSeconds(3600))).isEmpty();
    }
}

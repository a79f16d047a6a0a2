package io.commandpost.notification.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import io.commandpost.notification.escalation.Escalation.Phase;
import io.commandpost.events.PagingEvent;
import io.commandpost.events.PagingEvent.EscalationStepPaged;
import io.commandpost.notification.escalation.EscalationPolicy.EveryMember;
import io.commandpost.notification.escalation.EscalationPolicy.OnDuty;
import io.commandpost.notification.escalation.EscalationPolicy.PartnerOnDuty;
import io.commandpost.notification.escalation.EscalationPolicy.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EscalationDeciderTest {

    static final Instant T0 = Instant.parse("2026-03-03T02:00:00Z");
    static final EscalationPolicy POLICY = new EscalationPolicy(List.of(
            new Step(Duration.ofMinutes(5), List.of(new OnDuty())),
            new Step(Duration.ofMinutes(10), List.of(new PartnerOnDuty())),
            new Step(Duration.ofMinutes(10), List.of(new EveryMember()))), 1, Duration.ofMinutes(30));

    static final EscalationCommand.Open OPEN_1 = new EscalationCommand.Open("payments", "db-down", 1);

    static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    /** Runs commands at their minutes and the timer at every minute in between; returns every event. */
    static final class Run {
        final EscalationDecider decider;
        Escalation state;
        final List<PagingEvent> events = new ArrayList<>();
        int minute = 0;

        Run(EscalationPolicy policy) {
            decider = new EscalationDecider(policy);
            state = decider.initial();
        }

        Run() {
            this(POLICY);
        }

        Run command(int at, EscalationCommand command) {
            until(at);
            apply(decider.decide(command, state, at(at)));
            return this;
        }

        Run until(int at) {
            for (; minute <= at; minute++) {
                apply(decider.tick(state, at(minute)));
            }
            minute = at;
            return this;
        }

        private void apply(List<PagingEvent> produced) {
            events.addAll(produced);
            state = decider.fold(state, produced);
        }

        List<String> pages() {
            return events.stream().filter(EscalationStepPaged.class::isInstance).map(EscalationStepPaged.class::cast)
                    .map(p -> "step " + (p.step() + 1) + " round " + (p.round() + 1) + " at " + minuteOf(p.pagedAt()))
                    .toList();
        }

        static long minuteOf(Instant instant) {
            return Duration.between(T0, instant).toMinutes();
        }
    }

    @Test
    void givenNobodyAcknowledges_whenTimePasses_thenEachStepIsPagedAfterTheOnesDelayThenTheListOnceMore() {
        Run run = new Run().command(0, OPEN_1).until(120);

        assertThat(run.pages()).containsExactly("step 1 round 1 at 0", "step 2 round 1 at 5", "step 3 round 1 at 15",
                "step 1 round 2 at 25", "step 2 round 2 at 30", "step 3 round 2 at 40");
        assertThat(run.state.phase()).isEqualTo(Phase.EXHAUSTED);
        assertThat(run.decider.wakeAt(run.state)).isEmpty();
    }

    @Test
    void givenTheFirstStepPaged_whenSomeoneAcknowledges_thenNothingMoreIsPagedUntilTheAcknowledgementTimesOut() {
        Run run = new Run().command(0, OPEN_1)
                .command(3, new EscalationCommand.Acknowledge("alice")).until(32);
        assertThat(run.pages()).containsExactly("step 1 round 1 at 0");
        assertThat(run.state.acknowledgedBy()).isEqualTo("alice");

        run.until(33);
        assertThat(run.pages()).containsExactly("step 1 round 1 at 0", "step 1 round 1 at 33");
        assertThat(run.state.phase()).isEqualTo(Phase.ESCALATING);
        run.until(38);
        assertThat(run.pages()).endsWith("step 2 round 1 at 38");
    }

    @Test
    void givenNoAcknowledgementTimeout_whenAcknowledged_thenItHoldsUntilResolved() {
        EscalationPolicy policy = new EscalationPolicy(POLICY.steps(), 0, null);
        Run run = new Run(policy).command(0, OPEN_1)
                .command(1, new EscalationCommand.Acknowledge("alice")).until(600);

        assertThat(run.pages()).hasSize(1);
        assertThat(run.decider.wakeAt(run.state)).isEmpty();
    }

    @Test
    void givenAnAcknowledgedAlert_whenTheAcknowledgementIsWithdrawn_thenTheCurrentStepWaitsItsDelayAgain() {
        Run run = new Run().command(0, OPEN_1)
                .command(2, new EscalationCommand.Acknowledge("alice"))
                .command(4, new EscalationCommand.Unacknowledge("alice")).until(9);
        assertThat(run.pages()).containsExactly("step 1 round 1 at 0", "step 2 round 1 at 9");
    }

    @Test
    void givenAnEscalatingAlert_whenResolved_thenNothingIsPagedEver() {
        Run run = new Run().command(0, OPEN_1)
                .command(7, new EscalationCommand.Resolve("bob")).until(600);

        assertThat(run.pages()).containsExactly("step 1 round 1 at 0", "step 2 round 1 at 5");
        assertThat(run.state.phase()).isEqualTo(Phase.STOPPED);
        assertThat(run.decider.decide(new EscalationCommand.Acknowledge("a"), run.state, at(601))).isEmpty();
        assertThat(run.decider.decide(new EscalationCommand.EscalateNow("a"), run.state, at(601))).isEmpty();
    }

    @Test
    void givenTheFirstStepsDeliveriesFailedForGood_whenReported_thenTheNextStepIsPagedAtOnce() {
        Run run = new Run().command(0, OPEN_1)
                .command(1, new EscalationCommand.DeliveryFailed(0, 0));
        assertThat(run.pages()).containsExactly("step 1 round 1 at 0", "step 2 round 1 at 1");

        run.command(2, new EscalationCommand.DeliveryFailed(0, 0)); // a late report of an older step
        assertThat(run.pages()).hasSize(2);
    }

    @Test
    void givenAnEscalatingAlert_whenSomeoneEscalatesNow_thenTheNextStepIsPagedAtOnceAndItsDelayStarts() {
        Run run = new Run().command(0, OPEN_1)
                .command(1, new EscalationCommand.EscalateNow("alice")).until(11);
        assertThat(run.pages()).containsExactly("step 1 round 1 at 0", "step 2 round 1 at 1", "step 3 round 1 at 11");
    }

    @Test
    void givenARepeatedOpenOfTheSameOccurrence_whenDecided_thenNothingHappensButANewOccurrenceStartsAfresh() {
        Run run = new Run().command(0, OPEN_1)
                .command(1, new EscalationCommand.Acknowledge("alice"))
                .command(2, OPEN_1);
        assertThat(run.pages()).hasSize(1);

        run.command(3, new EscalationCommand.Resolve("tool:prom")).command(4, new EscalationCommand.Open("payments", "db-down", 2));
        assertThat(run.pages()).containsExactly("step 1 round 1 at 0", "step 1 round 1 at 4");
        assertThat(run.state.occurrence()).isEqualTo(2);
        assertThat(run.state.acknowledgedBy()).isNull();
    }

    @Test
    void givenAnAlertOfAnAlertmanagerGroup_whenTimersPageLaterSteps_thenEachPageCarriesTheGroupAndItsPageNumber() {
        Run run = new Run().command(0, new EscalationCommand.Open("payments", "db-down", 1, "{}:{job=\"db\"}/req-1"))
                .until(16).command(17, new EscalationCommand.Acknowledge("alice")).until(48);
        assertThat(run.events.stream().filter(EscalationStepPaged.class::isInstance).map(EscalationStepPaged.class::cast)
                .map(p -> p.reason() + " " + p.group()).toList()).containsExactly(
                "opened {}:{job=\"db\"}/req-1/page-1",
                "not acknowledged {}:{job=\"db\"}/req-1/page-2",
                "not acknowledged {}:{job=\"db\"}/req-1/page-3",
                EscalationDecider.ACK_TIMEOUT + " {}:{job=\"db\"}/req-1/page-4");
        // an alert of no group pages without one
        assertThat(new Run().command(0, OPEN_1).until(20).events.stream().filter(EscalationStepPaged.class::isInstance)
                .map(EscalationStepPaged.class::cast).map(EscalationStepPaged::group)).hasSize(3).containsOnlyNulls();
    }

    @Test
    void theDefaultPolicyPagesTheOnDutyPersonFirstAndKeepsAnAcknowledgementHalfAnHour() {
        EscalationPolicy defaults = EscalationPolicy.defaults();
        assertThat(defaults.steps().get(0).targets()).containsExactly(new OnDuty());
        assertThat(defaults.ackTimeout()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void targetsAreNamedInEventsAndReadBackFromTheirNames() {
        for (String name : List.of("on-duty", "partner-on-duty", "every-member", "team-channel", "member:alice,bob")) {
            assertThat(EscalationPolicy.name(EscalationPolicy.target(name))).isEqualTo(name);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EscalationPolicy.target("boss"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

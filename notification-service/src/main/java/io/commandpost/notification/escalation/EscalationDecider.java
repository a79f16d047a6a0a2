package io.commandpost.notification.escalation;

import io.commandpost.notification.escalation.Escalation.Phase;
import io.commandpost.notification.escalation.EscalationCommand.Acknowledge;
import io.commandpost.notification.escalation.EscalationCommand.DeliveryFailed;
import io.commandpost.notification.escalation.EscalationCommand.EscalateNow;
import io.commandpost.notification.escalation.EscalationCommand.Open;
import io.commandpost.notification.escalation.EscalationCommand.Resolve;
import io.commandpost.notification.escalation.EscalationCommand.Unacknowledge;
import io.commandpost.notification.escalation.EscalationEvent.Acknowledged;
import io.commandpost.notification.escalation.EscalationEvent.Exhausted;
import io.commandpost.notification.escalation.EscalationEvent.Started;
import io.commandpost.notification.escalation.EscalationEvent.StepPaged;
import io.commandpost.notification.escalation.EscalationEvent.Stopped;
import io.commandpost.notification.escalation.EscalationEvent.Unacknowledged;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The escalation of one alert occurrence as a pure decider: {@code decide} answers commands,
 * {@code tick} answers its own timer ({@code wakeAt}), {@code evolve} folds the events. No I/O, no clock:
 * the instant is always handed in. Acknowledge stops escalation, resolve stops everything, a step whose
 * deliveries all failed for good moves on at once.
 */
public final class EscalationDecider {

    static final String ACK_TIMEOUT = "acknowledgement timed out";

    private EscalationDecider() {
    }

    /** No occurrence yet. */
    public static Escalation initial() {
        return null;
    }

    public static Escalation evolve(Escalation s, EscalationEvent event) {
        if (event instanceof Started started) {
            return new Escalation(started.occurrence(), started.policy(), Phase.ESCALATING, -1, 0, null, null);
        }
        if (s == null) {
            return null;
        }
        if (event instanceof StepPaged paged) {
            return new Escalation(s.occurrence(), s.policy(), Phase.ESCALATING, paged.step(), paged.round(),
                    paged.at().plus(s.policy().steps().get(paged.step()).delay()), null);
        }
        if (event instanceof Acknowledged acknowledged) {
            Duration timeout = s.policy().ackTimeout();
            Instant next = timeout == null || timeout.isZero() ? null : acknowledged.at().plus(timeout);
            return new Escalation(s.occurrence(), s.policy(), Phase.ACKNOWLEDGED, s.step(), s.round(), next,
                    acknowledged.by());
        }
        if (event instanceof Unacknowledged unacknowledged) {
            return new Escalation(s.occurrence(), s.policy(), Phase.ESCALATING, s.step(), s.round(),
                    unacknowledged.at().plus(s.policy().steps().get(Math.max(s.step(), 0)).delay()), null);
        }
        if (event instanceof Exhausted) {
            return new Escalation(s.occurrence(), s.policy(), Phase.EXHAUSTED, s.step(), s.round(), null,
                    s.acknowledgedBy());
        }
        if (event instanceof Stopped) {
            return new Escalation(s.occurrence(), s.policy(), Phase.STOPPED, s.step(), s.round(), null,
                    s.acknowledgedBy());
        }
        return s;
    }

    public static Escalation fold(Escalation s, List<? extends EscalationEvent> events) {
        for (EscalationEvent event : events) {
            s = evolve(s, event);
        }
        return s;
    }

    public static List<EscalationEvent> decide(EscalationCommand command, Escalation s, Instant now) {
        if (command instanceof Open open) {
            if (s != null && s.occurrence() >= open.occurrence()) {
                return List.of(); // this occurrence (or a later one) escalates already
            }
            return List.of(new Started(open.occurrence(), open.policy(), now), paged(open.policy(), 0, 0, "opened", now));
        }
        if (s == null) {
            return List.of();
        }
        if (command instanceof Acknowledge acknowledge) {
            return s.phase() == Phase.ESCALATING || s.phase() == Phase.EXHAUSTED
                    ? List.of(new Acknowledged(acknowledge.by(), now)) : List.of();
        }
        if (command instanceof Unacknowledge unacknowledge) {
            return s.phase() == Phase.ACKNOWLEDGED ? List.of(new Unacknowledged(unacknowledge.by(), now)) : List.of();
        }
        if (command instanceof Resolve resolve) {
            return s.live() ? List.of(new Stopped(resolve.by(), now)) : List.of();
        }
        if (command instanceof EscalateNow escalate) {
            if (!s.live()) {
                return List.of();
            }
            List<EscalationEvent> next = advance(s, "escalated by " + escalate.by(), now);
            // with every step already paged, escalating now pages the last step again
            return next.get(0) instanceof Exhausted
                    ? List.of(paged(s.policy(), s.step(), s.round(), "escalated by " + escalate.by(), now)) : next;
        }
        if (command instanceof DeliveryFailed failed) {
            boolean current = s.phase() == Phase.ESCALATING && s.step() == failed.step() && s.round() == failed.round();
            return current ? advance(s, "deliveries of step " + (failed.step() + 1) + " failed", now) : List.of();
        }
        return List.of();
    }

    /** When the timer must fire next; empty when nothing is due ever. */
    public static Optional<Instant> wakeAt(Escalation s) {
        return s == null ? Optional.empty() : Optional.ofNullable(s.nextAt());
    }

    /** What the timer does at {@code now}: nothing before {@link #wakeAt}. */
    public static List<EscalationEvent> tick(Escalation s, Instant now) {
        if (s == null || s.nextAt() == null || now.isBefore(s.nextAt())) {
            return List.of();
        }
        if (s.phase() == Phase.ESCALATING) {
            return advance(s, "not acknowledged", now);
        }
        if (s.phase() == Phase.ACKNOWLEDGED) {
            return List.of(new Unacknowledged(ACK_TIMEOUT, now), paged(s.policy(), s.step(), s.round(), ACK_TIMEOUT,
                    now));
        }
        return List.of();
    }

    private static List<EscalationEvent> advance(Escalation s, String reason, Instant now) {
        EscalationPolicy policy = s.policy();
        if (s.step() + 1 < policy.steps().size()) {
            return List.of(paged(policy, s.step() + 1, s.round(), reason, now));
        }
        if (s.round() < policy.repeat()) {
            return List.of(paged(policy, 0, s.round() + 1, reason, now));
        }
        return List.of(new Exhausted(now));
    }

    private static StepPaged paged(EscalationPolicy policy, int step, int round, String reason, Instant now) {
        return new StepPaged(step, round, policy.steps().get(step).targets(), reason, now);
    }
}

package io.commandpost.notification.escalation;

import io.commandpost.events.PagingEvent;
import io.commandpost.events.PagingEvent.EscalationAcknowledged;
import io.commandpost.events.PagingEvent.EscalationExhausted;
import io.commandpost.events.PagingEvent.EscalationStarted;
import io.commandpost.events.PagingEvent.EscalationStepPaged;
import io.commandpost.events.PagingEvent.EscalationStopped;
import io.commandpost.events.PagingEvent.EscalationUnacknowledged;
import io.commandpost.notification.escalation.Escalation.Phase;
import io.commandpost.notification.escalation.EscalationCommand.Acknowledge;
import io.commandpost.notification.escalation.EscalationCommand.DeliveryFailed;
import io.commandpost.notification.escalation.EscalationCommand.EscalateNow;
import io.commandpost.notification.escalation.EscalationCommand.Open;
import io.commandpost.notification.escalation.EscalationCommand.Resolve;
import io.commandpost.notification.escalation.EscalationCommand.Unacknowledge;
import io.commandpost.platform.command.Decider;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The escalation of one alert's occurrences as a pure decider: {@code decide} answers commands, {@code tick}
 * answers its own timer ({@code wakeAt}), {@code evolve} folds the events. No I/O, no clock: the instant is
 * handed in. Acknowledge stops escalation, resolve stops everything, a step whose deliveries failed for good
 * moves on at once. The policy is the team's at the time of each decision.
 */
public final class EscalationDecider implements Decider<EscalationCommand, Escalation, PagingEvent> {

    static final String ACK_TIMEOUT = "acknowledgement timed out";

    private final EscalationPolicy policy;

    public EscalationDecider(EscalationPolicy policy) {
        this.policy = policy;
    }

    /** No occurrence yet. */
    @Override
    public Escalation initial() {
        return null;
    }

    @Override
    public Escalation evolve(Escalation s, PagingEvent event) {
        if (event instanceof EscalationStarted started) {
            return new Escalation(started.team(), started.dedupKey(), started.occurrence(), Phase.ESCALATING, -1, 0,
                    null, null, started.group(), 0);
        }
        if (s == null || event.occurrence() != s.occurrence()) {
            return s;
        }
        if (event instanceof EscalationStepPaged paged) {
            return new Escalation(s.team(), s.dedupKey(), s.occurrence(), Phase.ESCALATING, paged.step(),
                    paged.round(), paged.pagedAt().plus(delayOf(paged.step())), null, s.group(), s.pages() + 1);
        }
        if (event instanceof EscalationAcknowledged acknowledged) {
            Duration timeout = policy.ackTimeout();
            Instant next = timeout == null || timeout.isZero() ? null : acknowledged.acknowledgedAt().plus(timeout);
            return new Escalation(s.team(), s.dedupKey(), s.occurrence(), Phase.ACKNOWLEDGED, s.step(), s.round(),
                    next, acknowledged.by(), s.group(), s.pages());
        }
        if (event instanceof EscalationUnacknowledged unacknowledged) {
            return new Escalation(s.team(), s.dedupKey(), s.occurrence(), Phase.ESCALATING, s.step(), s.round(),
                    unacknowledged.unacknowledgedAt().plus(delayOf(s.step())), null, s.group(), s.pages());
        }
        if (event instanceof EscalationExhausted) {
            return new Escalation(s.team(), s.dedupKey(), s.occurrence(), Phase.EXHAUSTED, s.step(), s.round(), null,
                    s.acknowledgedBy(), s.group(), s.pages());
        }
        if (event instanceof EscalationStopped) {
            return new Escalation(s.team(), s.dedupKey(), s.occurrence(), Phase.STOPPED, s.step(), s.round(), null,
                    s.acknowledgedBy(), s.group(), s.pages());
        }
        return s;
    }

    @Override
    public List<PagingEvent> decide(EscalationCommand command, Escalation s, Instant now) {
        if (command instanceof Open open) {
            if (s != null && s.occurrence() >= open.occurrence()) {
                return List.of(); // this occurrence (or a later one) escalates already
            }
            return List.of(new EscalationStarted(open.team(), open.dedupKey(), open.occurrence(), now, open.group()),
                    paged(open.team(), open.dedupKey(), open.occurrence(), 0, 0, "opened", now,
                            pageGroup(open.group(), 1)));
        }
        if (s == null) {
            return List.of();
        }
        if (command instanceof Acknowledge acknowledge) {
            return s.phase() == Phase.ESCALATING || s.phase() == Phase.EXHAUSTED
                    ? List.of(new EscalationAcknowledged(s.team(), s.dedupKey(), s.occurrence(), acknowledge.by(), now))
                    : List.of();
        }
        if (command instanceof Unacknowledge unacknowledge) {
            return s.phase() == Phase.ACKNOWLEDGED
                    ? List.of(new EscalationUnacknowledged(s.team(), s.dedupKey(), s.occurrence(), unacknowledge.by(),
                    now)) : List.of();
        }
        if (command instanceof Resolve resolve) {
            return s.live()
                    ? List.of(new EscalationStopped(s.team(), s.dedupKey(), s.occurrence(), resolve.by(), now))
                    : List.of();
        }
        if (command instanceof EscalateNow escalate) {
            if (!s.live()) {
                return List.of();
            }
            String reason = "escalated by " + escalate.by();
            List<PagingEvent> next = advance(s, reason, now);
            // with every step already paged, escalating now pages the last step again
            return next.get(0) instanceof EscalationExhausted
                    ? List.of(paged(s.team(), s.dedupKey(), s.occurrence(), s.step(), s.round(), reason, now,
                    s.nextPageGroup())) : next;
        }
        if (command instanceof DeliveryFailed failed) {
            boolean current = s.phase() == Phase.ESCALATING && s.step() == failed.step() && s.round() == failed.round();
            return current ? advance(s, "deliveries of step " + (failed.step() + 1) + " failed", now) : List.of();
        }
        return List.of();
    }

    /** When the timer must fire next; empty when nothing is due ever. */
    @Override
    public Optional<Instant> wakeAt(Escalation s) {
        return s == null ? Optional.empty() : Optional.ofNullable(s.nextAt());
    }

    /** What the timer does at {@code now}: nothing before {@link #wakeAt}. */
    @Override
    public List<PagingEvent> tick(Escalation s, Instant now) {
        if (s == null || s.nextAt() == null || now.isBefore(s.nextAt())) {
            return List.of();
        }
        if (s.phase() == Phase.ESCALATING) {
            return advance(s, "not acknowledged", now);
        }
        if (s.phase() == Phase.ACKNOWLEDGED) {
            return List.of(new EscalationUnacknowledged(s.team(), s.dedupKey(), s.occurrence(), null, now),
                    paged(s.team(), s.dedupKey(), s.occurrence(), s.step(), s.round(), ACK_TIMEOUT, now,
                            s.nextPageGroup()));
        }
        return List.of();
    }

    private List<PagingEvent> advance(Escalation s, String reason, Instant now) {
        int step = Math.min(s.step(), policy.steps().size() - 1); // the policy may have lost steps meanwhile
        if (step + 1 < policy.steps().size()) {
            return List.of(paged(s.team(), s.dedupKey(), s.occurrence(), step + 1, s.round(), reason, now,
                    s.nextPageGroup()));
        }
        if (s.round() < policy.repeat()) {
            return List.of(paged(s.team(), s.dedupKey(), s.occurrence(), 0, s.round() + 1, reason, now,
                    s.nextPageGroup()));
        }
        return List.of(new EscalationExhausted(s.team(), s.dedupKey(), s.occurrence(), now));
    }

    private EscalationStepPaged paged(String team, String dedupKey, int occurrence, int step, int round, String reason,
                                      Instant now, String group) {
        int index = Math.min(step, policy.steps().size() - 1);
        List<String> targets = policy.steps().get(index).targets().stream().map(EscalationPolicy::name).toList();
        return new EscalationStepPaged(team, dedupKey, occurrence, index, round, targets, reason, now, group);
    }

    /**
     * The group key of an occurrence's {@code page}-th page: the alerts of one Alertmanager group escalate in step
     * (the same policy, timers from the same instant), so their n-th pages are one page; a later page of the same
     * alerts is a new one, never folded into an earlier. Null without a group.
     */
    static String pageGroup(String group, int page) {
        return group == null ? null : group + "/page-" + page;
    }

    private Duration delayOf(int step) {
        return policy.steps().get(Math.max(0, Math.min(step, policy.steps().size() - 1))).delay();
    }
}

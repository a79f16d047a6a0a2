package io.commandpost.rotation.shift;

import io.commandpost.events.ShiftEvent;
import io.commandpost.events.ShiftEvent.ShiftStarted;
import io.commandpost.events.ShiftKind;
import io.commandpost.platform.command.Decider;
import io.commandpost.platform.domain.NotFoundException;
import io.commandpost.rotation.duty.DayPlan;
import io.commandpost.rotation.duty.DutyInputs;
import io.commandpost.rotation.duty.DutyPlanner;
import io.commandpost.rotation.duty.DutyTimeline;
import io.commandpost.rotation.duty.PlannedShift;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Compares the duty plan with the shifts that actually started and says which events are due:
 * ShiftStarted for every MRO day and night duty whose start has come, and a RestRuleApplied for
 * every rest skip of a starting MRO day not announced yet. Pure: the same inputs give the same
 * events, shift ids included (derived from team, kind and start), so two replicas deciding at once
 * propose identical events and the store's expected version lets exactly one of them through.
 *
 * <p>As a {@link Decider} ({@link #rules}) its {@code tick} is {@link #due} and its {@code wakeAt} the next
 * planned start after the last shift that started: the handoff timer.
 */
public final class HandoffDecider {

    /** After a long outage the ended shifts are not replayed beyond this many days. */
    static final int MAX_CATCH_UP_DAYS = 31;

    /** A plan covers at least one day a week: the next start lies within this many duty days. */
    static final int LOOKAHEAD_DAYS = 8;

    private HandoffDecider() {
    }

    /**
     * The handoffs of one team as the command handler runs them.
     *
     * @param team null when the team does not exist (nothing is ever due)
     */
    public static Decider<ShiftCommand, ShiftHistory, ShiftEvent> rules(TeamDuty team, Duration lateAfter) {
        return new Decider<>() {
            @Override
            public ShiftHistory initial() {
                return ShiftHistory.EMPTY;
            }

            @Override
            public ShiftHistory evolve(ShiftHistory state, ShiftEvent event) {
                return ShiftHistory.evolve(state, event, state.version() + 1);
            }

            @Override
            public List<ShiftEvent> decide(ShiftCommand command, ShiftHistory state, Instant now) {
                if (team == null) {
                    throw new NotFoundException("no team " + command.teamId());
                }
                if (command instanceof ShiftCommand.AnnounceRestAfterNightPage page) {
                    return List.copyOf(restAfterNightPage(team, page, state, now));
                }
                throw new IllegalArgumentException("unknown command " + command);
            }

            @Override
            public List<ShiftEvent> tick(ShiftHistory state, Instant now) {
                return team == null ? List.of() : due(team, state, now, lateAfter);
            }

            @Override
            public Optional<Instant> wakeAt(ShiftHistory state) {
                return team == null ? Optional.empty() : nextStart(team, state);
            }
        };
    }

    /**
     * When the next shift starts: the first planned start after the last shift that started, or the team's
     * creation when none started yet (its first shifts are the ones running then).
     */
    public static Optional<Instant> nextStart(TeamDuty team, ShiftHistory history) {
        Optional<ShiftStarted> last = history.last();
        if (last.isEmpty()) {
            return Optional.of(team.createdAt());
        }
        Instant lastStart = last.get().startsAt();
        DutyTimeline timeline = team.timeline();
        LocalDate from = timeline.dutyDayOf(lastStart);
        if (from.isBefore(timeline.anchorDay())) {
            from = timeline.anchorDay();
        }
        LocalDate first = from;
        LocalDate to = first.plusDays(LOOKAHEAD_DAYS);
        List<DayPlan> days = DutyPlanner.simulate(timeline, team.inputs(), first, to).days().stream()
                .filter(day -> !day.day().isBefore(first)).toList();
        return PlannedShift.of(team.teamId(), team.createdAt(), team.inputs(), days).stream()
                .map(PlannedShift::start).filter(start -> start.isAfter(lastStart)).findFirst()
                // nothing planned that far: look again then
                .or(() -> Optional.of(lastStart.plus(Duration.ofDays(LOOKAHEAD_DAYS))));
    }

    /** Rule 2: the rest the plan now gives {@code member} on the paged-after day, unless already announced. */
    static List<ShiftEvent.RestRuleApplied> restAfterNightPage(TeamDuty team,
                                                              ShiftCommand.AnnounceRestAfterNightPage page,
                                                              ShiftHistory history, Instant now) {
        DayPlan amended = DutyPlanner.dayPlan(team.timeline(), team.inputs(), page.restDay());
        List<ShiftEvent.RestRuleApplied> rules = new ArrayList<>();
        for (DayPlan.Skip skip : amended.skips()) {
            if (skip.skipped().equals(page.member()) && skip.reason() == DayPlan.Reason.REST_AFTER_NIGHT_PAGE
                    && !history.restRuleAnnounced(skip.day(), skip.skipped())) {
                rules.add(new ShiftEvent.RestRuleApplied(team.teamId(), skip.day(), skip.skipped(), skip.covering(),
                        skip.reason().name(), page.cause(), now));
            }
        }
        return rules;
    }

    /** A team as the decider sees it: its plan inputs and when it was created. */
    public record TeamDuty(String teamId, Instant createdAt, DutyTimeline timeline, DutyInputs inputs,
                           Map<String, UUID> nightPageCauses) {

        /** Key of {@link #nightPageCauses}: the rest day and the member paged the night before. */
        public static String causeKey(LocalDate day, String member) {
            return day + "|" + member;
        }
    }

    /**
     * The events due at {@code now}: nothing while the current shifts already started; otherwise every
     * shift since the last one that started (missed handoffs are recorded late, never skipped, bounded by
     * {@link #MAX_CATCH_UP_DAYS}); a team's first shifts are the ones running at {@code now}.
     */
    public static List<ShiftEvent> due(TeamDuty team, ShiftHistory history, Instant now, Duration lateAfter) {
        DutyTimeline timeline = team.timeline();
        LocalDate current = timeline.dutyDayOf(now);
        if (current.isBefore(timeline.anchorDay()) || now.isBefore(team.createdAt())) {
            return List.of();
        }
        Instant lastStart = history.last().map(ShiftStarted::startsAt).orElse(null);
        LocalDate first = lastStart == null ? current.minusDays(1) : timeline.dutyDayOf(lastStart);
        if (first.isBefore(current.minusDays(MAX_CATCH_UP_DAYS))) {
            first = current.minusDays(MAX_CATCH_UP_DAYS);
        }
        if (first.isBefore(timeline.anchorDay())) {
            first = timeline.anchorDay();
        }
        LocalDate from = first;
        List<DayPlan> days = DutyPlanner.simulate(timeline, team.inputs(), from, current).days().stream()
                .filter(day -> !day.day().isBefore(from)).toList();
        List<ShiftEvent> due = new ArrayList<>();
        UUID previous = history.last().map(ShiftStarted::shiftId).orElse(null);
        for (PlannedShift shift : PlannedShift.of(team.teamId(), team.createdAt(), team.inputs(), days)) {
            if (shift.start().isAfter(now)) {
                continue;
            }
            boolean isDue = lastStart == null ? shift.end().isAfter(now) : shift.start().isAfter(lastStart);
            if (!isDue) {
                continue;
            }
            if (shift.kind() == ShiftKind.MRO_DAY) {
                due.addAll(restRules(team, shift.dayPlan(), history, now));
            }
            ShiftStarted started = new ShiftStarted(team.teamId(), shift.shiftId(), shift.kind(), shift.member(),
                    shift.start(), shift.end(), previous, history.handoverOf(previous).orElse(null),
                    now.isAfter(shift.start().plus(lateAfter)), now);
            due.add(started);
            previous = started.shiftId();
        }
        return due;
    }

    /** The rest skips of {@code day} not announced yet, once per team, day and skipped member. */
    static List<ShiftEvent.RestRuleApplied> restRules(TeamDuty team, DayPlan day, ShiftHistory history, Instant now) {
        List<ShiftEvent.RestRuleApplied> rules = new ArrayList<>();
        for (DayPlan.Skip skip : day.skips()) {
            if (skip.reason() == DayPlan.Reason.LEAVE || history.restRuleAnnounced(day.day(), skip.skipped())) {
                continue;
            }
            UUID cause = skip.reason() == DayPlan.Reason.REST_AFTER_NIGHT_PAGE
                    ? team.nightPageCauses().get(TeamDuty.causeKey(day.day(), skip.skipped())) : null;
            rules.add(new ShiftEvent.RestRuleApplied(team.teamId(), day.day(), skip.skipped(), skip.covering(),
                    skip.reason().name(), cause, now));
        }
        return rules;
    }
}

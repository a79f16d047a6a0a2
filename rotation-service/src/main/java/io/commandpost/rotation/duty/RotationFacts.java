package io.commandpost.rotation.duty;

import io.commandpost.events.ShiftEvent;
import io.commandpost.events.ShiftKind;
import io.commandpost.rotation.duty.DayPlan.Reason;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What really happened to a team's rotation, as recorded on its shift stream: the MRO days and
 * night duties that started (with whom the rotation planned) and the turns skipped for rest or
 * leave. The rotation state of any day is folded from the four weeks of facts before it, so the past
 * never changes when the code does and planning ahead does not replay the team's history.
 */
public record RotationFacts(List<Duty> duties, List<SkippedTurn> skips) {

    public static final RotationFacts NONE = new RotationFacts(List.of(), List.of());

    /**
     * A shift that started on team-local {@code day}: {@code planned} by the rotation, worked by
     * {@code member}, for the {@code reason} recorded when it started (null in older events).
     */
    public record Duty(LocalDate day, boolean mro, String planned, String member, String reason) {
    }

    /** {@code member}'s MRO turn on {@code day} went to someone else for {@code reason}. */
    public record SkippedTurn(LocalDate day, String member, Reason reason) {
    }

    public RotationFacts {
        duties = duties.stream().sorted(Comparator.comparing(Duty::day)).toList();
        skips = skips.stream().sorted(Comparator.comparing(SkippedTurn::day)).toList();
    }

    /**
     * The facts recorded on a team's shift stream: MRO days and nights that started (the duty day each
     * belongs to, whom the rotation planned) and the turns skipped for rest or leave.
     */
    public static RotationFacts of(DutyTimeline timeline, List<? extends ShiftEvent> events) {
        List<Duty> duties = new ArrayList<>();
        List<SkippedTurn> skips = new ArrayList<>();
        for (ShiftEvent event : events) {
            if (event instanceof ShiftEvent.ShiftStarted started) {
                duties.add(new Duty(timeline.dutyDayOf(started.startsAt()), started.kind() == ShiftKind.MRO_DAY,
                        started.planned(), started.member(), started.reason()));
            } else if (event instanceof ShiftEvent.RestRuleApplied rule) {
                skips.add(new SkippedTurn(rule.day(), rule.skipped(), Reason.valueOf(rule.reason())));
            } else if (event instanceof ShiftEvent.TurnSkippedForLeave leave) {
                skips.add(new SkippedTurn(leave.day(), leave.skipped(), Reason.LEAVE));
            }
        }
        return new RotationFacts(duties, skips);
    }

    /** The last day whose MRO shift started: the plan is recomputed from it on, never before. */
    public Optional<LocalDate> lastMroDay() {
        for (int i = duties.size() - 1; i >= 0; i--) {
            if (duties.get(i).mro()) {
                return Optional.of(duties.get(i).day());
            }
        }
        return Optional.empty();
    }

    /**
     * The first day whose facts planning from now on reads: the four weeks (and the night) before the last
     * started MRO day, where {@link #stateBefore} folds from. Empty when no MRO shift ever started.
     */
    public Optional<LocalDate> firstDayRead() {
        return lastMroDay().map(day -> day.minusDays(RotationState.WINDOW_DAYS + 2L));
    }

    /** The rotation state before {@code day}, folded from the facts of the four weeks before it. */
    public RotationState stateBefore(LocalDate anchor, LocalDate day) {
        LocalDate since = day.minusDays(RotationState.WINDOW_DAYS + 1L);
        RotationState state = RotationState.startingOn(since.isBefore(anchor) ? anchor : since);
        List<SkippedTurn> skipped = skipsIn(state.next(), day.minusDays(1));
        List<Duty> taken = dutiesIn(state.next(), day.minusDays(1)).stream().filter(Duty::mro).toList();
        for (LocalDate d = state.next(); d.isBefore(day); d = d.plusDays(1)) {
            state = state.before(d);
            for (SkippedTurn skip : skipped) {
                if (skip.day().equals(d)) {
                    state = state.skipped(d, skip.member(), skip.reason());
                }
            }
            for (Duty duty : taken) {
                if (duty.day().equals(d)) {
                    state = state.took(d, duty.planned());
                }
            }
        }
        return state.before(day);
    }

    /** The facts of the days in [from, to]. */
    public List<Duty> dutiesIn(LocalDate from, LocalDate to) {
        List<Duty> in = new ArrayList<>();
        for (Duty duty : duties) {
            if (!duty.day().isBefore(from) && !duty.day().isAfter(to)) {
                in.add(duty);
            }
        }
        return in;
    }

    List<SkippedTurn> skipsIn(LocalDate from, LocalDate to) {
        return skips.stream().filter(skip -> !skip.day().isBefore(from) && !skip.day().isAfter(to)).toList();
    }
}

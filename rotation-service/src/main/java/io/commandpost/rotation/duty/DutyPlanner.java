package io.commandpost.rotation.duty;

import io.commandpost.events.ShiftKind;
import io.commandpost.rotation.duty.DayPlan.Reason;
import io.commandpost.rotation.duty.DayPlan.Skip;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The duty plan, one day at a time, from a small {@link RotationState} (what really happened, or
 * what the planner planned for the days before) and the day's inputs. The MRO of a day is
 * <em>the eligible member who is owed the most, then with the fewest MRO days in the last 4 weeks,
 * then next in rotation order</em>. Eligible: not on leave, not resting after night duty the night
 * before (rule 1) or after a real night page (rule 2). Whose turn it was (fewest turns, a skipped turn
 * counting as one until given back, then rotation order) and could not work is recorded as a
 * {@link Skip} and owed the day; owed days are given back first, within {@value RotationState#OWED_DAYS}
 * days, or lapse. Nobody works two days in a row while someone else could. Night duty is a plain round
 * robin by day or ISO week. Every day's choice carries the sentence that explains it. A team that adopted a
 * fixed cycle ({@link AdoptedPattern}) has its days go by the cycle instead ("ana: adopted pattern, day 3 of 35"),
 * rest and leave first: whose day it was and could not work is skipped, and the rule picks who covers.
 */
public final class DutyPlanner {

    private DutyPlanner() {
    }

    /** The plans of the days planned through {@code to}, and the ledger over those from {@code from}. */
    public record Simulation(List<DayPlan> days, Ledger ledger, RotationState end) {
        public DayPlan day(LocalDate day) {
            return days.stream().filter(plan -> plan.day().equals(day)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no plan for " + day));
        }
    }

    /** Who is on duty at an instant, overrides applied. */
    public record OnDuty(Kind kind, List<String> members, Instant start, Instant end) {
        public enum Kind { MRO_DAY, NIGHT_DUTY }
    }

    public static DayPlan dayPlan(DutyConfig config, DutyInputs inputs, LocalDate day) {
        return dayPlan(DutyTimeline.of(config), inputs, day);
    }

    /** The plan of {@code day} for a team with no recorded past (planned from its first day). */
    public static DayPlan dayPlan(DutyTimeline timeline, DutyInputs inputs, LocalDate day) {
        return simulate(timeline, inputs, day, day).day(day);
    }

    public static Simulation simulate(DutyConfig config, DutyInputs inputs, LocalDate to) {
        return simulate(DutyTimeline.of(config), inputs, config.anchorDay(), to);
    }

    public static Simulation simulate(DutyConfig config, DutyInputs inputs, LocalDate from, LocalDate to) {
        return simulate(DutyTimeline.of(config), inputs, from, to);
    }

    /** Plans a team with no recorded past from its first day through {@code to}. */
    public static Simulation simulate(DutyTimeline timeline, DutyInputs inputs, LocalDate from, LocalDate to) {
        return simulate(timeline, inputs, RotationState.startingOn(timeline.anchorDay()), from, to);
    }

    /**
     * Plans the days from {@code state.next()} through {@code to}; the ledger counts the planned days
     * from {@code from} on (owed: as at the end).
     */
    public static Simulation simulate(DutyTimeline timeline, DutyInputs inputs, RotationState state, LocalDate from,
                                      LocalDate to) {
        List<DayPlan> days = new ArrayList<>();
        for (LocalDate day = state.next(); !day.isAfter(to); day = day.plusDays(1)) {
            state = state.before(day);
            DayPlan plan = plan(timeline, inputs, state, day);
            days.add(plan);
            state = advance(state, plan);
        }
        state = state.before(to.plusDays(1));
        return new Simulation(days, ledger(timeline, inputs, days, state, from, to), state);
    }

    /**
     * The plans of the days from {@code from} through {@code to} of a team with a recorded past: a day
     * before the last one whose MRO shift started is planned from the facts of the four weeks before
     * it; from that day on, one day after the other from the state the facts give. The ledger counts
     * the facts for the days that happened and the plan for the others. Without facts (no shift ever
     * started) the team is planned from its first day.
     */
    public static Simulation simulate(DutyTimeline timeline, DutyInputs inputs, RotationFacts facts, LocalDate from,
                                      LocalDate to) {
        Optional<LocalDate> last = facts.lastMroDay();
        if (last.isEmpty()) {
            return simulate(timeline, inputs, from, to);
        }
        LocalDate anchor = timeline.anchorDay();
        LocalDate resume = last.get();
        LocalDate first = from.isBefore(anchor) ? anchor : from;
        List<DayPlan> days = new ArrayList<>();
        for (LocalDate day = first; day.isBefore(resume) && !day.isAfter(to); day = day.plusDays(1)) {
            days.add(plan(timeline, inputs, facts.stateBefore(anchor, day), day));
        }
        RotationState end = facts.stateBefore(anchor, resume);
        List<DayPlan> ahead = List.of();
        if (!to.isBefore(resume)) {
            Simulation planned = simulate(timeline, inputs, end, resume, to);
            ahead = planned.days().stream().filter(day -> !day.day().isBefore(first)).toList();
            end = planned.end();
        }
        days.addAll(ahead);
        // the days that happened count as recorded: every day before the resumed one, and the resumed day's
        // MRO and skips (recorded when it started); its night as planned until it starts
        List<DayPlan> plannedOnly = ahead.stream().filter(day -> day.day().isAfter(resume)).toList();
        Ledger ledger = ledger(timeline, inputs, plannedOnly, end, from, to);
        LocalDate factsTo = to.isBefore(resume) ? to : resume;
        if (!factsTo.isBefore(from)) {
            Map<String, Ledger.Entry> counted = new LinkedHashMap<>(ledger.members());
            boolean resumedNightStarted = false;
            for (RotationFacts.Duty duty : facts.dutiesIn(from, factsTo)) {
                boolean weekend = DutyConfig.isWeekend(duty.day());
                resumedNightStarted |= !duty.mro() && duty.day().equals(resume);
                counted.merge(duty.planned(), duty.mro() ? Ledger.Entry.ZERO.mroDay(weekend)
                        : Ledger.Entry.ZERO.night(weekend && !timeline.on(duty.day()).mroCovers(duty.day())),
                        Ledger.Entry::plus);
            }
            for (RotationFacts.SkippedTurn skip : facts.skipsIn(from, factsTo)) {
                counted.merge(skip.member(), Ledger.Entry.ZERO.skipped(skip.reason()), Ledger.Entry::plus);
            }
            if (!resumedNightStarted && !factsTo.isBefore(resume)) {
                ahead.stream().filter(day -> day.day().equals(resume) && day.night() != null).findFirst()
                        .ifPresent(day -> counted.merge(day.night(), Ledger.Entry.ZERO.night(
                                DutyConfig.isWeekend(day.day()) && day.mro() == null), Ledger.Entry::plus));
            }
            if (to.isBefore(resume)) {
                // owed as at the end of the range, from the facts
                counted.replaceAll((member, entry) -> entry.withOwed(0));
                facts.stateBefore(anchor, to.plusDays(1)).owed().forEach((member, owed) ->
                        counted.merge(member, Ledger.Entry.ZERO.withOwed(owed.size()), Ledger.Entry::plus));
            }
            ledger = new Ledger(counted);
        }
        return new Simulation(days, ledger, end);
    }

    /** The state after {@code plan}'s day: its skips are owed, its MRO day counted. */
    public static RotationState advance(RotationState state, DayPlan plan) {
        state = state.before(plan.day());
        for (Skip skip : plan.skips()) {
            state = state.skipped(plan.day(), skip.skipped(), skip.reason());
        }
        return plan.mro() == null ? state : state.took(plan.day(), plan.mro());
    }

    /** One day's plan from the state before it. */
    static DayPlan plan(DutyTimeline timeline, DutyInputs inputs, RotationState state, LocalDate day) {
        DutyConfig config = timeline.on(day);
        DutyConfig next = timeline.on(day.plusDays(1));
        Instant handoff = config.handoffOf(day);
        Instant nextHandoff = next.handoffEndOf(day.plusDays(1));
        boolean covered = config.mroCovers(day);
        Instant nightStart = covered ? config.workdayEndOf(day) : handoff;
        String night = null;
        String nightReason = null;
        if (config.hasNightDuty()) {
            String plain = plainNightOf(config, day);
            night = nightOf(config, inputs, day, nightStart);
            String rotation = config.nightLength() == DutyConfig.NightLength.DAILY ? "daily" : "weekly";
            nightReason = night == null ? null : night.equals(plain) ? night + ": night rotation (" + rotation + ")"
                    : night + " covers " + plain + "'s night (leave)";
        }
        if (!covered) {
            return new DayPlan(day, null, null, null, night, night == null ? null : handoff,
                    night == null ? null : nextHandoff, List.of(), null, nightReason);
        }
        Map<String, Reason> away = new HashMap<>(resting(timeline, inputs, day, handoff));
        for (String member : config.mroRotation()) {
            if (inputs.onLeave(member, day, handoff)) {
                away.put(member, Reason.LEAVE);
            }
        }
        Instant mroEnd = night == null ? nextHandoff : config.workdayEndAsEndOf(day);
        // an adopted pattern names whose turn it is; rest and leave still come first, then the rule covers
        AdoptedPattern pattern = timeline.patternOn(day).orElse(null);
        String patterned = pattern == null ? null : pattern.memberOn(day);
        if (patterned != null && !away.containsKey(patterned)) {
            return new DayPlan(day, patterned, handoff, mroEnd, night, night == null ? null : nightStart,
                    night == null ? null : nextHandoff, List.of(), pattern.reason(day), nightReason);
        }
        List<String> members = config.mroRotation();
        int last = state.lastMro() == null ? -1 : members.indexOf(state.lastMro());
        Comparator<String> rotationOrder = Comparator.comparingInt(
                member -> Math.floorMod(members.indexOf(member) - last - 1, members.size()));
        String turn = patterned != null ? patterned : members.stream()
                .min(Comparator.comparingInt(state::turns).thenComparing(rotationOrder)).orElseThrow();
        Comparator<String> rule = Comparator.<String>comparingInt(member -> -state.owedTo(member).size())
                .thenComparingInt(state::recentDays).thenComparing(rotationOrder);
        List<String> eligible = members.stream().filter(member -> !away.containsKey(member)).sorted(rule).toList();
        String tired = null;
        if (eligible.isEmpty()) {
            // nobody rested and present: a tired colleague beats an empty seat; leave is never broken
            eligible = members.stream().filter(member -> away.get(member) != Reason.LEAVE).sorted(rule).toList();
            tired = "nobody rested is free";
        }
        String mro = eligible.isEmpty() ? null : eligible.get(0);
        String reason = mro == null ? null : reason(state, eligible, mro);
        String yesterday = day.minusDays(1).equals(state.lastMroDay()) ? state.lastMro() : null;
        if (eligible.size() >= 2 && mro.equals(yesterday)) {
            mro = eligible.get(1);
            reason = reason(state, eligible.subList(1, eligible.size()), mro) + " (" + yesterday
                    + " had yesterday)";
        } else if (tired != null && mro != null) {
            reason = reason + " (" + tired + ")";
        }
        List<Skip> skips = new ArrayList<>();
        if (mro != null && !turn.equals(mro) && away.containsKey(turn)) {
            skips.add(new Skip(day, turn, mro, away.get(turn)));
        }
        // rule 2 moves the day from whoever the rule ranked before the MRO: they are skipped too, and owed it
        for (String member : members.stream().sorted(rule).toList()) {
            if (mro == null || member.equals(mro)) {
                break;
            }
            if (!member.equals(turn) && away.get(member) == Reason.REST_AFTER_NIGHT_PAGE) {
                skips.add(new Skip(day, member, mro, Reason.REST_AFTER_NIGHT_PAGE));
            }
        }
        return new DayPlan(day, mro, mro == null ? null : handoff, mro == null ? null : mroEnd, night,
                night == null ? null : nightStart, night == null ? null : nextHandoff, skips, reason, nightReason);
    }

    /** The sentence for {@code mro}, the first of {@code ranked} by the rule. */
    private static String reason(RotationState state, List<String> ranked, String mro) {
        List<RotationState.Owed> owed = state.owedTo(mro);
        if (!owed.isEmpty()) {
            return mro + ": owed " + owed.size() + (owed.size() == 1 ? " day (" : " days (")
                    + owed.get(0).reason().owedText(owed.get(0).day()) + ")";
        }
        int mine = state.recentDays(mro);
        boolean fewest = ranked.stream().filter(member -> !member.equals(mro))
                .allMatch(member -> state.recentDays(member) > mine);
        return fewest && ranked.size() > 1
                ? mro + ": fewest MRO days in the last 4 weeks (" + mine + ")"
                : mro + ": next in rotation order";
    }

    /** Who must rest on {@code day}: whoever had the night before (rule 1), whoever was paged in it (rule 2). */
    private static Map<String, Reason> resting(DutyTimeline timeline, DutyInputs inputs, LocalDate day,
                                               Instant handoff) {
        Map<String, Reason> resting = new HashMap<>();
        LocalDate previous = day.minusDays(1);
        DutyConfig before = timeline.on(previous);
        if (before.hasNightDuty()) {
            Instant start = before.mroCovers(previous) ? before.workdayEndOf(previous) : before.handoffOf(previous);
            String night = nightOf(before, inputs, previous, start);
            if (night != null) {
                resting.put(inputs.startingMember(ShiftKind.NIGHT_DUTY, night, start), Reason.REST_AFTER_NIGHT_DUTY);
            }
        }
        if (!inputs.nightPages().isEmpty()) {
            Instant[] night = nightBefore(timeline, day);
            for (DutyInputs.NightPage page : inputs.nightPages()) {
                // a page learnt after the day started does not rewrite that day
                if (!page.at().isBefore(night[0]) && page.at().isBefore(night[1])
                        && page.recordedAt().isBefore(handoff)) {
                    resting.putIfAbsent(page.member(), Reason.REST_AFTER_NIGHT_PAGE);
                }
            }
        }
        return resting;
    }

    public static Optional<OnDuty> onDutyAt(DutyConfig config, DutyInputs inputs, Instant instant) {
        return onDutyAt(DutyTimeline.of(config), inputs, instant);
    }

    /** Who is on duty at {@code instant}: the plan's MRO or night person, then the overrides. */
    public static Optional<OnDuty> onDutyAt(DutyTimeline timeline, DutyInputs inputs, Instant instant) {
        LocalDate day = timeline.dutyDayOf(instant);
        if (day.isBefore(timeline.anchorDay())) {
            return Optional.empty();
        }
        return onDutyAt(dayPlan(timeline, inputs, day), inputs, instant);
    }

    /** Who is on duty at {@code instant}, which falls in {@code plan}'s day: overrides applied. */
    public static Optional<OnDuty> onDutyAt(DayPlan plan, DutyInputs inputs, Instant instant) {
        return onDutyAt(plan, inputs, instant, null);
    }

    /**
     * Who is on duty at {@code instant}, which falls in {@code plan}'s day, when {@code receiver} (non-null) was
     * handed the rest of the shift in place of the planned member: overrides applied.
     */
    public static Optional<OnDuty> onDutyAt(DayPlan plan, DutyInputs inputs, Instant instant, String receiver) {
        OnDuty.Kind kind;
        String planned;
        Instant start;
        Instant end;
        if (plan.mro() != null && instant.isBefore(plan.mroEnd())
                && (plan.night() == null || instant.isBefore(plan.nightStart()))) {
            kind = OnDuty.Kind.MRO_DAY;
            planned = plan.mro();
            start = plan.mroStart();
            end = plan.mroEnd();
        } else if (plan.night() != null && !instant.isBefore(plan.nightStart())) {
            kind = OnDuty.Kind.NIGHT_DUTY;
            planned = plan.night();
            start = plan.nightStart();
            end = plan.nightEnd();
        } else {
            return Optional.empty();
        }
        ShiftKind duty = ShiftKind.valueOf(kind.name());
        List<String> members = new ArrayList<>(List.of(receiver != null ? receiver : planned));
        for (DutyInputs.Override override : inputs.overrides()) {
            if (!override.active(instant) || !override.appliesTo(duty)) {
                continue;
            }
            if (override.remove() != null && members.remove(override.remove()) && override.add() != null) {
                members.add(override.add());
            } else if (override.remove() == null && !members.contains(override.add())) {
                members.add(override.add());
            }
        }
        return members.isEmpty() ? Optional.empty() : Optional.of(new OnDuty(kind, List.copyOf(members), start, end));
    }

    /**
     * The day a page at {@code at} makes its recipient rest: the next day when {@code at} falls in a
     * night (after the working day, or in an uncovered day, before the next handoff); empty for a
     * page during working hours.
     */
    public static Optional<LocalDate> restDayAfterPage(DutyTimeline timeline, Instant at) {
        LocalDate next = timeline.dutyDayOf(at).plusDays(1);
        return nightBefore(timeline, next)[0].isAfter(at) ? Optional.empty() : Optional.of(next);
    }

    /** [from, to) of the night before {@code day}. */
    private static Instant[] nightBefore(DutyTimeline timeline, LocalDate day) {
        LocalDate previous = day.minusDays(1);
        DutyConfig config = timeline.on(previous);
        Instant from = config.mroCovers(previous) ? config.workdayEndOf(previous) : config.handoffOf(previous);
        return new Instant[] {from, timeline.on(day).handoffOf(day)};
    }

    /** Night duty of {@code day}: round robin by day or by ISO week, the next one in order when on leave. */
    private static String nightOf(DutyConfig config, DutyInputs inputs, LocalDate day, Instant nightStart) {
        List<String> rotation = config.nightRotation();
        long index = nightIndex(config, day);
        for (int k = 0; k < rotation.size(); k++) {
            String candidate = rotation.get((int) Math.floorMod(index + k, (long) rotation.size()));
            if (!inputs.onLeave(candidate, day, nightStart)) {
                return candidate;
            }
        }
        return null;
    }

    static String plainNightOf(DutyConfig config, LocalDate day) {
        List<String> rotation = config.nightRotation();
        return rotation.get((int) Math.floorMod(nightIndex(config, day), (long) rotation.size()));
    }

    private static long nightIndex(DutyConfig config, LocalDate day) {
        return config.nightLength() == DutyConfig.NightLength.DAILY
                ? ChronoUnit.DAYS.between(config.anchorDay(), day)
                : ChronoUnit.WEEKS.between(config.anchorDay().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
    }

    /** The ledger of the planned days in [from, to], overrides over that range, owed days as at {@code end}. */
    private static Ledger ledger(DutyTimeline timeline, DutyInputs inputs, List<DayPlan> days, RotationState end,
                                 LocalDate from, LocalDate to) {
        Map<String, Ledger.Entry> ledger = new LinkedHashMap<>();
        for (DayPlan plan : days) {
            if (!plan.day().isBefore(from) && !plan.day().isAfter(to)) {
                account(ledger, plan);
            }
        }
        end.owed().forEach((member, owed) -> ledger.merge(member, Ledger.Entry.ZERO.withOwed(owed.size()),
                Ledger.Entry::plus));
        if (!inputs.overrides().isEmpty() && !to.isBefore(from)) {
            Instant start = timeline.on(from).handoffOf(from);
            Instant stop = timeline.on(to.plusDays(1)).handoffOf(to.plusDays(1));
            for (DutyInputs.Override override : inputs.overrides()) {
                if (override.overlaps(start, stop)) {
                    if (override.remove() != null) {
                        ledger.merge(override.remove(), Ledger.Entry.ZERO.override(true), Ledger.Entry::plus);
                    }
                    if (override.add() != null) {
                        ledger.merge(override.add(), Ledger.Entry.ZERO.override(false), Ledger.Entry::plus);
                    }
                }
            }
        }
        return new Ledger(ledger);
    }

    private static void account(Map<String, Ledger.Entry> ledger, DayPlan plan) {
        boolean weekend = DutyConfig.isWeekend(plan.day());
        if (plan.mro() != null) {
            ledger.merge(plan.mro(), Ledger.Entry.ZERO.mroDay(weekend), Ledger.Entry::plus);
        }
        if (plan.night() != null) {
            ledger.merge(plan.night(), Ledger.Entry.ZERO.night(weekend && plan.mro() == null), Ledger.Entry::plus);
        }
        for (Skip skip : plan.skips()) {
            ledger.merge(skip.skipped(), Ledger.Entry.ZERO.skipped(skip.reason()), Ledger.Entry::plus);
        }
    }
}

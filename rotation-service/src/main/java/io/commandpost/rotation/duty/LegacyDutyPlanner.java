package io.commandpost.rotation.duty;

import io.commandpost.events.ShiftKind;
import io.commandpost.rotation.duty.DayPlan.Reason;
import io.commandpost.rotation.duty.DayPlan.Skip;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The duty plan as a pure function of configuration (over time), inputs (leave, overrides, night
 * pages) and a day: it replays every day from the team's first, because who takes a day depends on
 * who took the earlier ones.
 *
 * <p>MRO choice for a day: the members are ranked by fairness, and the first one who is eligible
 * that day (not on leave, not resting after a night duty or a night page) takes it. Fairness is,
 * in order: the fewest MRO days in the last {@value #WINDOW_DAYS} days (so every 4-week window
 * stays balanced), the fewest MRO days overall, the soonest known unavailability (whoever must rest
 * or leave soon works first, which keeps rest-rule chains balanced), the longest since their last
 * MRO day, rotation order. With nobody ever unavailable this is exactly round robin. With weekly
 * night duty a greedy ranking cannot keep every 4-week window within one day (a week of rest echoes
 * every 4 weeks), so the ranking follows the configuration's ideal cycle ({@link MroPattern}): the
 * cycle's member of the day first, unless they are ahead of the cycle, in which case whoever is behind
 * it (counted since the configuration took effect) takes the day back from them.
 * With daily night duty the greedy ranking stays wherever, replayed without leave, it keeps every
 * 4-week window within one day (so its round robin and its skips are unchanged); only where it does
 * not and a fairer cycle is found does the plan follow that cycle the same way. Whoever was ranked
 * before the chosen member but could not work is recorded as a {@link Skip} and is owed the day:
 * their lower count puts them first when they are back. Nobody works two days in a row while two
 * others could.
 */
public final class LegacyDutyPlanner {

    /** A day's ranking looks back this many days, so the 28-day window including it stays balanced. */
    static final int WINDOW_DAYS = 27;
    /** How far ahead the ranking looks for a member's next night duty or leave. */
    static final int LOOKAHEAD_DAYS = 14;

    private LegacyDutyPlanner() {
    }

    /** The plans of every day from the team's first through {@code to}, and the ledger over them. */
    public record Simulation(List<DayPlan> days, Ledger ledger) {
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

    public static DayPlan dayPlan(DutyTimeline timeline, DutyInputs inputs, LocalDate day) {
        return simulate(timeline, inputs, day, day).day(day);
    }

    public static Simulation simulate(DutyConfig config, DutyInputs inputs, LocalDate to) {
        return simulate(DutyTimeline.of(config), inputs, config.anchorDay(), to);
    }

    public static Simulation simulate(DutyConfig config, DutyInputs inputs, LocalDate from, LocalDate to) {
        return simulate(DutyTimeline.of(config), inputs, from, to);
    }

    /**
     * Replays from the first day; returns the plans of every day through {@code to} and the ledger of
     * the days from {@code from} through {@code to}.
     */
    public static Simulation simulate(DutyTimeline timeline, DutyInputs inputs, LocalDate from, LocalDate to) {
        Replay replay = new Replay(timeline, inputs);
        List<DayPlan> all = new ArrayList<>();
        Map<String, Ledger.Entry> ledger = new LinkedHashMap<>();
        for (LocalDate day = timeline.anchorDay(); !day.isAfter(to); day = day.plusDays(1)) {
            DayPlan plan = replay.plan(day);
            all.add(plan);
            if (!day.isBefore(from)) {
                account(ledger, plan);
            }
        }
        replay.owed.forEach((member, owed) -> {
            if (owed > 0 || ledger.containsKey(member)) {
                ledger.put(member, ledger.getOrDefault(member, Ledger.Entry.ZERO).withOwed(owed));
            }
        });
        if (!inputs.overrides().isEmpty() && !to.isBefore(from)) {
            Instant start = timeline.on(from).handoffOf(from);
            Instant end = timeline.on(to.plusDays(1)).handoffOf(to.plusDays(1));
            for (DutyInputs.Override override : inputs.overrides()) {
                if (override.overlaps(start, end)) {
                    if (override.remove() != null) {
                        ledger.merge(override.remove(), Ledger.Entry.ZERO.override(true), LegacyDutyPlanner::sum);
                    }
                    if (override.add() != null) {
                        ledger.merge(override.add(), Ledger.Entry.ZERO.override(false), LegacyDutyPlanner::sum);
                    }
                }
            }
        }
        return new Simulation(all, new Ledger(ledger));
    }

    /**
     * Finds the MRO cycle of every configuration of the timeline now, future ones included, so that
     * the first request planning their days does not wait for the search (it is cached per JVM).
     */
    public static void prepare(DutyTimeline timeline) {
        timeline.versions().forEach(version -> MroPattern.of(version.config()));
    }

    /**
     * The 4-week spread of MRO days the night-duty cycle followed under {@code config} keeps (1 is
     * rule 3; more where 1 is impossible); null when the plan follows no cycle.
     */
    public static Integer fairnessBound(DutyConfig config) {
        return MroPattern.of(config).map(MroPattern::bound).orElse(null);
    }

    /**
     * The largest spread of MRO days over any 28 of the first {@code days} days that the greedy
     * ranking alone (no cycle, no leave, pages or overrides) plans under {@code config}.
     */
    static int greedySpread(DutyConfig config, int days) {
        Replay replay = new Replay(DutyTimeline.of(config), DutyInputs.NONE, false);
        List<String> members = config.mroRotation();
        int[][] taken = new int[members.size()][days + 1];
        for (int i = 0; i < days; i++) {
            String mro = replay.plan(config.anchorDay().plusDays(i)).mro();
            for (int m = 0; m < members.size(); m++) {
                taken[m][i + 1] = taken[m][i] + (members.get(m).equals(mro) ? 1 : 0);
            }
        }
        int spread = 0;
        for (int s = 0; s + MroPattern.WINDOW <= days; s++) {
            int most = 0;
            int least = Integer.MAX_VALUE;
            for (int[] prefix : taken) {
                int count = prefix[s + MroPattern.WINDOW] - prefix[s];
                most = Math.max(most, count);
                least = Math.min(least, count);
            }
            spread = Math.max(spread, most - least);
        }
        return spread;
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
        List<String> members = new ArrayList<>(List.of(planned));
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

    /** The state carried from one day to the next while replaying. */
    private static final class Replay {
        private final DutyTimeline timeline;
        private final DutyInputs inputs;
        private final Map<String, Deque<LocalDate>> recent = new HashMap<>();
        private final Map<String, Integer> totals = new HashMap<>();
        /** MRO days per member since the first day of the configuration in force ({@link #since}). */
        private final Map<String, Integer> sinceVersion = new HashMap<>();
        private LocalDate since;
        private final Map<String, LocalDate> lastDay = new HashMap<>();
        private final Map<String, Integer> owed = new LinkedHashMap<>();
        /** False for the probe that measures what the greedy ranking alone achieves. */
        private final boolean followCycle;
        private String previousNight;
        private String previousMro;

        Replay(DutyTimeline timeline, DutyInputs inputs) {
            this(timeline, inputs, true);
        }

        Replay(DutyTimeline timeline, DutyInputs inputs, boolean followCycle) {
            this.timeline = timeline;
            this.inputs = inputs;
            this.followCycle = followCycle;
        }

        DayPlan plan(LocalDate day) {
            DutyConfig config = timeline.on(day);
            LocalDate versionStart = timeline.versionStart(day);
            if (!versionStart.equals(since)) {
                since = versionStart;
                sinceVersion.clear();
            }
            DutyConfig next = timeline.on(day.plusDays(1));
            Instant handoff = config.handoffOf(day);
            Instant nextHandoff = next.handoffEndOf(day.plusDays(1));
            boolean covered = config.mroCovers(day);
            Instant nightStart = covered ? config.workdayEndOf(day) : handoff;
            String night = config.hasNightDuty() ? nightOf(config, inputs, day, nightStart) : null;
            Map<String, Reason> resting = resting(day, handoff);
            DayPlan plan;
            if (!covered) {
                plan = new DayPlan(day, null, null, null, night, night == null ? null : handoff,
                        night == null ? null : nextHandoff, List.of());
            } else {
                plan = mroDay(config, day, handoff, nextHandoff, night, nightStart, resting);
            }
            if (plan.mro() != null) {
                recent.computeIfAbsent(plan.mro(), m -> new ArrayDeque<>()).addLast(day);
                totals.merge(plan.mro(), 1, Integer::sum);
                sinceVersion.merge(plan.mro(), 1, Integer::sum);
                lastDay.put(plan.mro(), day);
                payBack(config, day, plan.mro());
            }
            for (Skip skip : plan.skips()) {
                owed.merge(skip.skipped(), 1, Integer::sum);
            }
            previousNight = night == null ? null
                    : inputs.startingMember(ShiftKind.NIGHT_DUTY, night, plan.nightStart());
            previousMro = plan.mro();
            return plan;
        }

        private Map<String, Reason> resting(LocalDate day, Instant handoff) {
            Map<String, Reason> resting = new HashMap<>();
            if (previousNight != null) {
                resting.put(previousNight, Reason.REST_AFTER_NIGHT_DUTY);
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

        private DayPlan mroDay(DutyConfig config, LocalDate day, Instant handoff, Instant nextHandoff, String night,
                               Instant nightStart, Map<String, Reason> resting) {
            List<String> ranking = new ArrayList<>(config.mroRotation());
            Map<String, Integer> window = new HashMap<>();
            for (String member : ranking) {
                Deque<LocalDate> days = recent.computeIfAbsent(member, m -> new ArrayDeque<>());
                while (!days.isEmpty() && days.peekFirst().isBefore(day.minusDays(WINDOW_DAYS))) {
                    days.removeFirst();
                }
                window.put(member, days.size());
            }
            ranking.sort(fairness(config, day, handoff, window));
            List<String> eligible = ranking.stream()
                    .filter(member -> !inputs.onLeave(member, day, handoff) && !resting.containsKey(member)).toList();
            if (eligible.isEmpty()) {
                // nobody rested and present: a tired colleague beats an empty seat; leave is never broken
                eligible = ranking.stream().filter(member -> !inputs.onLeave(member, day, handoff)).toList();
            }
            String mro = eligible.isEmpty() ? null : eligible.get(0);
            if (eligible.size() >= 3 && mro.equals(previousMro)) {
                mro = eligible.get(1);
            }
            List<Skip> skips = new ArrayList<>();
            for (String member : ranking) {
                if (mro == null || member.equals(mro)) {
                    break;
                }
                if (inputs.onLeave(member, day, handoff)) {
                    skips.add(new Skip(day, member, mro, Reason.LEAVE));
                } else if (resting.containsKey(member)) {
                    skips.add(new Skip(day, member, mro, resting.get(member)));
                }
            }
            Instant mroEnd = night == null ? nextHandoff : config.workdayEndAsEndOf(day);
            return new DayPlan(day, mro, mro == null ? null : handoff, mro == null ? null : mroEnd, night,
                    night == null ? null : nightStart, night == null ? null : nextHandoff, skips);
        }

        /**
         * The ranking of {@code day}. With an ideal cycle ({@link MroPattern}): the cycle's member of the
         * day first, or, when that member is ahead of the cycle, whoever is behind it; then the most
         * behind. So without leave or pages the plan is the cycle, and after them the owed days go back
         * to whoever missed them, from whoever covered, until the plan is the cycle again. Otherwise:
         * the fewest days in the trailing window first. Then the fewest days overall, the soonest
         * unavailability, the longest since their last day, rotation order.
         */
        private Comparator<String> fairness(DutyConfig config, LocalDate day, Instant handoff,
                                            Map<String, Integer> window) {
            Comparator<String> rest = Comparator.<String>comparingInt(member -> totals.getOrDefault(member, 0))
                    .thenComparingInt(member -> daysUntilUnavailable(config, member, day, handoff))
                    .thenComparing(member -> lastDay.getOrDefault(member, LocalDate.MIN))
                    .thenComparingInt(config.mroRotation()::indexOf);
            Optional<MroPattern> pattern = followCycle ? MroPattern.of(config) : Optional.empty();
            if (pattern.isEmpty()) {
                return Comparator.<String>comparingInt(window::get).thenComparing(rest);
            }
            // what each member is behind the cycle since this configuration's first day (days planned
            // under another configuration are no debt); never a sliding window, so a debt only ends by
            // being paid
            Map<String, Integer> behind = new HashMap<>();
            for (String member : config.mroRotation()) {
                behind.put(member, pattern.get().expectedSince(member, since, day.minusDays(1))
                        - sinceVersion.getOrDefault(member, 0));
            }
            String planned = pattern.get().memberOn(day);
            boolean plannedAhead = planned != null && behind.getOrDefault(planned, 0) < 0;
            // the cycle's member first, unless they are ahead: then whoever is behind takes the day back
            // from them; never displace someone level, or the debt only moves on to them
            return Comparator.<String>comparingInt(member -> plannedAhead && behind.get(member) > 0 ? 0 : 1)
                    .thenComparing(member -> !member.equals(planned))
                    .thenComparingInt(member -> -behind.get(member))
                    .thenComparing(rest);
        }

        /** Days from {@code day} until the member must rest or is away, as known when {@code day} starts. */
        private int daysUntilUnavailable(DutyConfig config, String member, LocalDate day, Instant knownAt) {
            for (int k = 1; k <= LOOKAHEAD_DAYS; k++) {
                LocalDate later = day.plusDays(k);
                if (config.hasNightDuty() && member.equals(plainNightOf(config, later.minusDays(1)))) {
                    return k;
                }
                for (DutyInputs.Leave leave : inputs.leave()) {
                    if (leave.member().equals(member) && !later.isBefore(leave.from()) && !later.isAfter(leave.to())
                            && !leave.recordedAt().isAfter(knownAt)
                            && (leave.cancelledAt() == null || leave.cancelledAt().isAfter(knownAt))) {
                        return k;
                    }
                }
            }
            return Integer.MAX_VALUE;
        }

        /** A day taken while behind the others pays back one owed day; level again, nothing is owed. */
        private void payBack(DutyConfig config, LocalDate day, String mro) {
            int mine = recent.get(mro).size();
            int others = config.mroRotation().stream().filter(member -> !member.equals(mro))
                    .mapToInt(member -> recent.getOrDefault(member, new ArrayDeque<>()).size()).max().orElse(0);
            int current = owed.getOrDefault(mro, 0);
            owed.put(mro, mine >= others ? 0 : Math.max(0, current - 1));
        }
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

    private static void account(Map<String, Ledger.Entry> ledger, DayPlan plan) {
        boolean weekend = DutyConfig.isWeekend(plan.day());
        if (plan.mro() != null) {
            ledger.merge(plan.mro(), Ledger.Entry.ZERO.mroDay(weekend), LegacyDutyPlanner::sum);
        }
        if (plan.night() != null) {
            ledger.merge(plan.night(), Ledger.Entry.ZERO.night(weekend && plan.mro() == null), LegacyDutyPlanner::sum);
        }
        for (Skip skip : plan.skips()) {
            ledger.merge(skip.skipped(), Ledger.Entry.ZERO.skipped(skip.reason()), LegacyDutyPlanner::sum);
        }
    }

    private static Ledger.Entry sum(Ledger.Entry a, Ledger.Entry b) {
        return new Ledger.Entry(a.mroDays() + b.mroDays(), a.nights() + b.nights(), a.weekendDays() + b.weekendDays(),
                a.skippedForRest() + b.skippedForRest(), a.skippedForLeave() + b.skippedForLeave(),
                a.owed() + b.owed(), a.overridesGiven() + b.overridesGiven(), a.overridesTaken() + b.overridesTaken());
    }
}

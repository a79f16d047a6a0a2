package io.commandpost.rotation.duty;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ideal MRO cycle of a configuration with night duty: who takes each day when nobody is on
 * leave or paged, found once by a bounded search: a depth-first search ({@link MroCycleSearch}), then
 * where it gives up a pseudo-Boolean solver ({@link MroCycleSolver}); see {@link #of} for when one is
 * searched at all.
 *
 * <p>Why a cycle: with weekly nights a member rests a whole week, and a day-by-day greedy cannot see
 * that the days it gives now must repeat 4 weeks later (when the 28 days of a window divide evenly
 * between the members, every window holding the same counts forces {@code mro(d + 28) == mro(d)}).
 * With daily nights the same echo appears wherever the greedy's skips do not even out (e.g. three
 * members all on nights, weekdays only).
 * So the planner follows a cycle, a whole number of rest periods long ({@code lcm(28, night cycle)}
 * for the depth-first search, up to {@value #MAX_CYCLE} days for the solver) in which every member
 * gets the same number of days (so totals never drift apart), every 28-day window (wrapping
 * around) holds MRO day counts differing by at most 1, nobody works after their night, and nobody
 * works two days in a row while two others could.
 *
 * <p>Day {@code i} of the cycle is {@code anchorDay + i}, the day the night rotation is anchored to.
 * None for a configuration where no such cycle exists (or none is found within the budget): the
 * planner then ranks by fairness alone.
 */
final class MroPattern {

    static final int WINDOW = 28;
    static final int MAX_CYCLE = 420;
    /** Search steps before giving up, over every bound tried; a pure function of the configuration. */
    private static final int SEARCH_BUDGET = 15_000;
    /**
     * The solver's effort per configuration and bound, in conflicts (deterministic, unlike time): a
     * quick pass, then longer attempts, longest for rule 3's bound of 1.
     */
    private static final int QUICK_ATTEMPT = 4_000;
    private static final int QUICK_BUDGET = 16_000;
    private static final int[] LONG_ATTEMPT = {0, 16_000, 8_000, 8_000};
    private static final int[] LONG_BUDGET = {0, 32_000, 8_000, 8_000};
    /** The same for cycles keeping a shift ({@link ShiftedCycles}), tried where one day is impossible. */
    private static final int SHIFT_ATTEMPT = 10_000;
    private static final int SHIFT_BUDGET = 20_000;
    /** How long the greedy ranking is replayed to measure the spread a cycle must beat. */
    static final int PROBE_DAYS = 2 * 364;
    /** The spreads tried in turn: 1 is rule 3; where it cannot hold, the fairest cycle that can. */
    static final int MAX_BOUND = 3;
    private static final int CACHE_LIMIT = 512;
    private static final Map<Key, Optional<MroPattern>> CACHE = new ConcurrentHashMap<>();

    /** What the cycle depends on: the weekday of the anchor, not its date. */
    private record Key(List<String> mro, List<String> night, DutyConfig.Coverage coverage,
                       DutyConfig.NightLength length, DayOfWeek anchorWeekday) {
    }

    private final LocalDate anchor;
    private final String[] cycle;
    private final int bound;
    /** prefix[m][i]: days of member m among cycle days [0, i). */
    private final int[][] prefix;
    private final List<String> members;

    private MroPattern(LocalDate anchor, List<String> members, String[] cycle, int bound) {
        this(anchor, members, cycle, prefixes(members, cycle), bound);
    }

    private MroPattern(LocalDate anchor, List<String> members, String[] cycle, int[][] prefix, int bound) {
        this.anchor = anchor;
        this.bound = bound;
        this.members = members;
        this.cycle = cycle;
        this.prefix = prefix;
    }

    private static int[][] prefixes(List<String> members, String[] cycle) {
        int[][] prefix = new int[members.size()][cycle.length + 1];
        for (int m = 0; m < members.size(); m++) {
            for (int i = 0; i < cycle.length; i++) {
                prefix[m][i + 1] = prefix[m][i] + (members.get(m).equals(cycle[i]) ? 1 : 0);
            }
        }
        return prefix;
    }

    /**
     * The cycle of a configuration with night duty; empty when none is found or none is needed.
     *
     * <p>Which spreads are searched: first the greedy ranking alone is replayed without leave for
     * {@value #PROBE_DAYS} days (a few milliseconds) and its worst 4-week spread g measured; only
     * cycles at least as fair as g are worth following. With daily nights the bounds tried are
     * 1 .. g - 1: the greedy (and its plain round robin where nobody must rest, with its skips) stays
     * wherever it already meets rule 3 or no fairer cycle is found. With weekly nights they are
     * 1 .. g (a cycle holds for ever, the probe saw two years) and bound 1 always, as the greedy
     * cannot see a week of rest coming back 4 weeks later. All bounds share one step budget for the
     * depth-first search. Bound 1 is not searched where {@link TurnWaitCheck} shows a member on nights
     * would fall behind, and a matching pre-check rules it out at once where the windows' exact
     * counts make it impossible; each bound the depth-first search gives up on gets its own solver
     * budget, in conflicts, and then, where everyone takes weekly nights, {@link WeekShiftCycle}; a
     * bound above 1 last gets solver attempts over cycles that keep a shift ({@link ShiftedCycles}). Worst first call: a few seconds (a configuration where every bound fails),
     * which the handoff job pays ahead of requests ({@link DutyPlanner#prepare}).
     */
    static Optional<MroPattern> of(DutyConfig config) {
        if (!config.hasNightDuty()) {
            return Optional.empty();
        }
        Key key = keyOf(config);
        Optional<MroPattern> cached = CACHE.get(key);
        if (cached == null) {
            if (CACHE.size() >= CACHE_LIMIT) {
                CACHE.clear();
            }
            cached = search(config);
            CACHE.put(key, cached);
        }
        // the cached cycle may come from another anchor date on the same weekday: re-anchor it (the
        // planner asks for every day it plans, so the counts are shared, not recomputed)
        return cached.map(pattern -> pattern.anchor.equals(config.anchorDay()) ? pattern
                : new MroPattern(config.anchorDay(), pattern.members, pattern.cycle, pattern.prefix, pattern.bound));
    }

    /** Whether the cycle of {@code config} was already searched in this JVM (what {@code prepare} is for). */
    static boolean searched(DutyConfig config) {
        return CACHE.containsKey(keyOf(config));
    }

    private static Key keyOf(DutyConfig config) {
        return new Key(config.mroRotation(), config.nightRotation(), config.coverage(), config.nightLength(),
                config.anchorDay().getDayOfWeek());
    }

    private static Optional<MroPattern> search(DutyConfig config) {
        int greedy = LegacyDutyPlanner.greedySpread(config, PROBE_DAYS);
        boolean weekly = config.nightLength() == DutyConfig.NightLength.WEEKLY;
        int most = weekly ? Math.max(1, Math.min(MAX_BOUND, greedy)) : Math.min(MAX_BOUND, greedy - 1);
        int left = SEARCH_BUDGET;
        int fairest = TurnWaitCheck.proof(config).isPresent() ? 2 : 1;
        for (int bound = fairest; bound <= most; bound++) {
            int spread = bound;
            // each bound gets an even share of what the tighter ones left unused
            int[] budget = {left / (most - bound + 1)};
            left -= budget[0];
            Optional<String[]> cycle = new MroCycleSearch(config, bound, budget).run();
            left += Math.max(0, budget[0]);
            if (cycle.isEmpty()) {
                cycle = solved(config, bound);
            }
            if (cycle.isEmpty()) {
                cycle = WeekShiftCycle.find(config, bound).map(days -> names(config, days));
            }
            if (cycle.isEmpty() && bound > 1) {
                cycle = shifted(config, bound);
            }
            Optional<MroPattern> found = cycle
                    .map(days -> new MroPattern(config.anchorDay(), config.mroRotation(), days, spread));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /**
     * Where the depth-first search gave up: the solver ({@link MroCycleSolver}) over whole periods of
     * the rest pattern that hold a window and split their covered days evenly. A quick pass tries them
     * shortest first; then longer attempts go to those that are also whole 4-week spans (windows line
     * up with the rests there). An attempt that runs out of conflicts costs its share of the pass's
     * budget; one that is settled costs nothing and is not tried again.
     */
    private static Optional<String[]> solved(DutyConfig config, int bound) {
        int period = restPeriod(config);
        int n = config.mroRotation().size();
        int aligned = period / gcd(period, WINDOW) * WINDOW;
        Set<Integer> settled = new HashSet<>();
        List<Integer> all = new ArrayList<>();
        for (int length = period; length <= MAX_CYCLE; length += period) {
            if (length >= WINDOW && coveredDays(config, length) % n == 0) {
                all.add(length);
            }
        }
        List<Integer> whole = all.stream().filter(length -> length % aligned == 0).toList();
        for (Pass pass : List.of(new Pass(all, QUICK_ATTEMPT, QUICK_BUDGET),
                new Pass(whole, LONG_ATTEMPT[bound], LONG_BUDGET[bound]))) {
            int conflicts = pass.budget();
            for (int length : pass.lengths()) {
                if (conflicts <= 0) {
                    break;
                }
                if (settled.contains(length)) {
                    continue;
                }
                int attempt = Math.min(conflicts, pass.attempt());
                MroCycleSolver.Result result = MroCycleSolver.cycle(config, length, bound, attempt);
                if (result.outcome() == MroCycleSolver.Outcome.FOUND) {
                    return Optional.of(names(config, result.days()));
                }
                if (result.outcome() == MroCycleSolver.Outcome.UNKNOWN) {
                    conflicts -= attempt;
                } else {
                    settled.add(length);
                }
            }
        }
        return Optional.empty();
    }

    private record Pass(List<Integer> lengths, int attempt, int budget) {
    }

    /** The solver again, over cycles that keep a shift, each attempt charged only when it runs out. */
    private static Optional<String[]> shifted(DutyConfig config, int bound) {
        int conflicts = SHIFT_BUDGET;
        for (ShiftedCycles.Candidate candidate : ShiftedCycles.of(config)) {
            if (conflicts <= 0) {
                break;
            }
            int attempt = Math.min(conflicts, SHIFT_ATTEMPT);
            MroCycleSolver.Result result = MroCycleSolver.shifted(config, candidate.length(), candidate.shift(), bound,
                    attempt);
            if (result.outcome() == MroCycleSolver.Outcome.FOUND) {
                return Optional.of(names(config, result.days()));
            }
            if (result.outcome() == MroCycleSolver.Outcome.UNKNOWN) {
                conflicts -= attempt;
            }
        }
        return Optional.empty();
    }

    private static String[] names(DutyConfig config, int[] members) {
        String[] days = new String[members.length];
        for (int t = 0; t < members.length; t++) {
            days[t] = members[t] < 0 ? null : config.mroRotation().get(members[t]);
        }
        return days;
    }

    /** Days after which who rests, and which days are covered, repeat: lcm(7, night cycle). */
    static int restPeriod(DutyConfig config) {
        int nights = config.nightRotation().size();
        return config.nightLength() == DutyConfig.NightLength.WEEKLY ? 7 * nights
                : 7 * nights / gcd(7, nights);
    }

    static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    static int coveredDays(DutyConfig config, int length) {
        return coveredDays(config, config.anchorDay(), length);
    }

    static int coveredDays(DutyConfig config, LocalDate from, int length) {
        int covered = 0;
        for (int i = 0; i < length; i++) {
            covered += config.mroCovers(from.plusDays(i)) ? 1 : 0;
        }
        return covered;
    }

    /** The most MRO days any two members differ by over any 28 days of the cycle (wrapping): 1 is rule 3. */
    int bound() {
        return bound;
    }

    int length() {
        return cycle.length;
    }

    /** The cycle's MRO of {@code day}; null on an uncovered day. */
    String memberOn(LocalDate day) {
        return cycle[index(day)];
    }

    /** How many of the days {@code from} through {@code to} (at most one cycle) the cycle gives {@code member}. */
    int expected(String member, LocalDate from, LocalDate to) {
        int m = members.indexOf(member);
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (m < 0 || days <= 0) {
            return 0;
        }
        int start = index(from);
        int end = start + (int) days;
        if (end <= cycle.length) {
            return prefix[m][end] - prefix[m][start];
        }
        return prefix[m][cycle.length] - prefix[m][start] + prefix[m][end - cycle.length];
    }

    /** How many of the days {@code from} through {@code to} (any number of cycles) the cycle gives {@code member}. */
    int expectedSince(String member, LocalDate from, LocalDate to) {
        int m = members.indexOf(member);
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (m < 0 || days <= 0) {
            return 0;
        }
        long cycles = days / cycle.length;
        int rest = (int) (days % cycle.length);
        int partial = rest == 0 ? 0 : expected(member, from, from.plusDays(rest - 1));
        return (int) (cycles * prefix[m][cycle.length]) + partial;
    }

    private int index(LocalDate day) {
        return (int) Math.floorMod(ChronoUnit.DAYS.between(anchor, day), (long) cycle.length);
    }
}

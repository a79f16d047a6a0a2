package io.commandpost.rotation.duty;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Suggests a fixed MRO cycle for a team's current shape, once, for an admin to adopt ({@link AdoptedPattern}): a
 * small bounded local search, no solver, deterministic (the same shape gives the same cycle). The cycle is as long
 * as the night rotation's period (5 weeks for 5 people on weekly nights), lengthened until every MRO member gets
 * the same number of days, and lined up with the night rotation, so that nobody is MRO the day after their night
 * (rule 1) and nobody works two days in a row. Within that it makes the MRO totals equal, then the worst 4-week
 * spread, then the longest wait as small as it can find, and keeps MRO days off the night person's own day where
 * it can. Never run at plan time: the planner only follows what was adopted.
 */
public final class PatternSearch {

    /** Moves tried: enough for the cycles of up to 8 members (ADR 0011), a fraction of a second. */
    static final int MOVES = 40_000;
    static final int LONGEST_CYCLE = 8 * 7 * 7;
    /** Steps of the depth-first first cycle before falling back to a greedy one. */
    static final long CONSTRUCTION_STEPS = 200_000;

    private PatternSearch() {
    }

    /** A suggested cycle: day {@code startsOn + i} is {@code cycle[i]}'s (null: a day the team does not cover). */
    public record Suggestion(LocalDate startsOn, List<String> cycle) {
        public AdoptedPattern from(LocalDate first) {
            return new AdoptedPattern(startsOn, cycle, first, null);
        }
    }

    /** A good cycle for {@code config}, lined up with its night rotation, starting on or before {@code today}. */
    public static Suggestion suggest(DutyConfig config, LocalDate today) {
        List<String> members = config.mroRotation();
        int nights = config.nightRotation().size();
        int nightPeriod = !config.hasNightDuty() ? 1
                : config.nightLength() == DutyConfig.NightLength.WEEKLY ? 7 * nights : nights;
        int base = lcm(nightPeriod, config.coverage() == DutyConfig.Coverage.WEEKDAYS ? 7 : 1);
        LocalDate startsOn = startOfCycle(config, today, base);
        int length = base;
        while (covered(config, startsOn, length) % members.size() != 0 && length + base <= LONGEST_CYCLE) {
            length += base;
        }
        Problem problem = new Problem(config, startsOn, length);
        int[] best = problem.search();
        List<String> cycle = new ArrayList<>();
        for (int day = 0; day < length; day++) {
            cycle.add(best[day] < 0 ? null : members.get(best[day]));
        }
        return new Suggestion(startsOn, cycle);
    }

    /**
     * The cycle's first day: the Monday on or before {@code today} when the cycle is whole weeks (the week of the
     * night rotation's first person, for weekly nights), else {@code today}. The cycle's length is a multiple of
     * the night rotation's period, so every repetition meets the same nights.
     */
    private static LocalDate startOfCycle(DutyConfig config, LocalDate today, int base) {
        if (base % 7 != 0) {
            return today;
        }
        LocalDate day = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        if (config.hasNightDuty() && config.nightLength() == DutyConfig.NightLength.WEEKLY) {
            while (!DutyPlanner.plainNightOf(config, day).equals(config.nightRotation().get(0))) {
                day = day.minusDays(7);
            }
        }
        return day;
    }

    private static int covered(DutyConfig config, LocalDate startsOn, int length) {
        int covered = 0;
        for (int day = 0; day < length; day++) {
            covered += config.mroCovers(startsOn.plusDays(day)) ? 1 : 0;
        }
        return covered;
    }

    private static int lcm(int a, int b) {
        int x = a;
        int y = b;
        while (y != 0) {
            int t = x % y;
            x = y;
            y = t;
        }
        return a / x * b;
    }

    /** The cycle's days (-1: not covered) and what each day's choice must respect. */
    private static final class Problem {
        private final int length;
        private final int size;
        private final boolean[] covered;
        /** Who is on nights the night before each day, and on the day's own night (-1: nobody in the rotation). */
        private final int[] nightBefore;
        private final int[] nightOf;
        private final int[] days;

        Problem(DutyConfig config, LocalDate startsOn, int length) {
            this.length = length;
            this.size = config.mroRotation().size();
            this.covered = new boolean[length];
            this.nightBefore = new int[length];
            this.nightOf = new int[length];
            for (int day = 0; day < length; day++) {
                LocalDate date = startsOn.plusDays(day);
                covered[day] = config.mroCovers(date);
                nightOf[day] = config.hasNightDuty()
                        ? config.mroRotation().indexOf(DutyPlanner.plainNightOf(config, date)) : -1;
                nightBefore[day] = config.hasNightDuty()
                        ? config.mroRotation().indexOf(DutyPlanner.plainNightOf(config, date.minusDays(1))) : -1;
            }
            int count = 0;
            for (boolean c : covered) {
                count += c ? 1 : 0;
            }
            this.days = new int[count];
            for (int day = 0, i = 0; day < length; day++) {
                if (covered[day]) {
                    days[i++] = day;
                }
            }
        }

        int[] search() {
            int[] current = construct();
            if (days.length < 2 || size < 2) {
                return current;
            }
            long cost = cost(current);
            int[] best = current.clone();
            long bestCost = cost;
            Random random = new Random(16);
            for (int move = 0; move < MOVES && bestCost > 0; move++) {
                int[] tried = current.clone();
                switch (random.nextInt(3)) {
                    case 0 -> {
                        // two days trade their members
                        int a = days[random.nextInt(days.length)];
                        int b = days[random.nextInt(days.length)];
                        tried[a] = current[b];
                        tried[b] = current[a];
                    }
                    case 1 -> tried[days[random.nextInt(days.length)]] = random.nextInt(size);
                    default -> {
                        // two members trade their days over a stretch (keeps an alternation intact)
                        int x = random.nextInt(size);
                        int y = random.nextInt(size);
                        int from = random.nextInt(length);
                        int span = 1 + random.nextInt(Math.min(length, 21));
                        for (int i = 0; i < span; i++) {
                            int day = (from + i) % length;
                            tried[day] = current[day] == x ? y : current[day] == y ? x : current[day];
                        }
                    }
                }
                long next = cost(tried);
                if (next <= cost) {
                    cost = next;
                    current = tried;
                    if (cost < bestCost) {
                        bestCost = cost;
                        best = current.clone();
                    }
                }
            }
            return best;
        }

        /**
         * A first cycle that keeps the rules (rule 1, no two days in a row, the same number of days each): depth
         * first, each day to whoever may take it with the fewest days so far, the longest waiting first; bounded, and
         * the plain greedy one when the bound is reached first.
         */
        private int[] construct() {
            int[] plan = new int[length];
            Arrays.fill(plan, -1);
            int[] lastDay = new int[size];
            Arrays.fill(lastDay, -length);
            int quota = (days.length + size - 1) / size;
            long[] budget = {CONSTRUCTION_STEPS};
            return place(0, plan, new int[size], lastDay, quota, budget) ? plan : greedy();
        }

        private boolean place(int i, int[] plan, int[] taken, int[] lastDay, int quota, long[] budget) {
            if (i == days.length) {
                return true;
            }
            if (--budget[0] < 0) {
                return false;
            }
            int day = days[i];
            Integer[] order = new Integer[size];
            for (int k = 0; k < size; k++) {
                order[k] = (day + k) % size;
            }
            Arrays.sort(order, java.util.Comparator.<Integer>comparingInt(member -> taken[member])
                    .thenComparingInt(member -> member == nightOf[day] ? 1 : 0)
                    .thenComparingInt(member -> lastDay[member]));
            for (int member : order) {
                if (taken[member] >= quota || member == nightBefore[day] || (day > 0 && plan[day - 1] == member)
                        || (day == length - 1 && length > 1 && plan[0] == member)) {
                    continue;
                }
                int previous = lastDay[member];
                plan[day] = member;
                taken[member]++;
                lastDay[member] = day;
                if (place(i + 1, plan, taken, lastDay, quota, budget)) {
                    return true;
                }
                plan[day] = -1;
                taken[member]--;
                lastDay[member] = previous;
            }
            return false;
        }

        /** Each covered day to whoever may take it with the fewest days so far, the longest waiting first. */
        private int[] greedy() {
            int[] plan = new int[length];
            Arrays.fill(plan, -1);
            int[] taken = new int[size];
            int[] lastDay = new int[size];
            Arrays.fill(lastDay, -length);
            for (int day : days) {
                int chosen = -1;
                for (int k = 0; k < size; k++) {
                    int member = (day + k) % size;
                    if (member == nightBefore[day] || (day > 0 && plan[day - 1] == member)
                            || (day == length - 1 && plan[0] == member && length > 1)) {
                        continue;
                    }
                    if (chosen < 0 || taken[member] < taken[chosen]
                            || (taken[member] == taken[chosen] && lastDay[member] < lastDay[chosen])) {
                        chosen = member;
                    }
                }
                chosen = chosen < 0 ? day % size : chosen;
                plan[day] = chosen;
                taken[chosen]++;
                lastDay[chosen] = day;
            }
            return plan;
        }

        /**
         * Lower is better, in this order: broken rules (rule 1, two days in a row), unequal totals, the worst 4-week
         * spread, the longest wait, the 4-week spreads summed (a slope for the search), MRO on one's own night day.
         */
        long cost(int[] plan) {
            long broken = 0;
            long ownNight = 0;
            int[] totals = new int[size];
            for (int day : days) {
                int member = plan[day];
                totals[member]++;
                broken += member == nightBefore[day] ? 1 : 0;
                broken += plan[(day + length - 1) % length] == member && length > 1 ? 1 : 0;
                ownNight += member == nightOf[day] ? 1 : 0;
            }
            int totalsSpread = spread(totals);
            int worstWindow = 0;
            long windows = 0;
            int[] counts = new int[size];
            for (int start = 0; start < length; start++) {
                Arrays.fill(counts, 0);
                for (int i = 0; i < 28; i++) {
                    int member = plan[(start + i) % length];
                    if (member >= 0) {
                        counts[member]++;
                    }
                }
                int spread = spread(counts);
                worstWindow = Math.max(worstWindow, spread);
                windows += spread;
            }
            int longestWait = 0;
            for (int member = 0; member < size; member++) {
                int first = -1;
                int previous = -1;
                for (int day : days) {
                    if (plan[day] == member) {
                        if (previous >= 0) {
                            longestWait = Math.max(longestWait, day - previous);
                        } else {
                            first = day;
                        }
                        previous = day;
                    }
                }
                longestWait = Math.max(longestWait, first < 0 ? 2 * length : first + length - previous);
            }
            return broken * 1_000_000_000_000_000L + totalsSpread * 1_000_000_000_000L + worstWindow * 10_000_000_000L
                    + longestWait * 10_000_000L + windows * 1_000L + ownNight;
        }

        private static int spread(int[] counts) {
            int most = Integer.MIN_VALUE;
            int least = Integer.MAX_VALUE;
            for (int count : counts) {
                most = Math.max(most, count);
                least = Math.min(least, count);
            }
            return most - least;
        }
    }
}

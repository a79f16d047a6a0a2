package io.commandpost.rotation.duty;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Cycles for a team whose members all take weekly nights in turn, where the general searches run
 * out of effort (five members every day: a spread of 2, the best possible, where they reach 3).
 *
 * <p>There, next week's rests are this week's with every member replaced by the next one in the
 * night rotation (σ). A cycle that keeps that shape, day t + 7 going to σ(member of day t), is fixed by
 * its first 7 days and lasts 7·n days; every member gets the same total (σ runs through all of them),
 * nobody works after their night if the first week keeps the rule, and a 28-day window's spread is
 * that of the window starting on the same weekday in the first week. So every first week is tried,
 * (n − 1)^7 at most (280k for 7 members, well under a second), in a fixed order: deterministic.
 */
final class WeekShiftCycle {

    private final int n;
    /** next[m]: σ(m), as indexes into the MRO rotation. */
    private final int[] next;
    /** shifted[j][m]: σ^j(m). */
    private final int[][] shifted;
    private final boolean[] covered = new boolean[7];
    private final int[] resting = new int[7];
    private final int[] able = new int[7];

    private WeekShiftCycle(DutyConfig config) {
        List<String> members = config.mroRotation();
        List<String> nights = config.nightRotation();
        n = members.size();
        next = new int[n];
        for (int i = 0; i < n; i++) {
            next[members.indexOf(nights.get(i))] = members.indexOf(nights.get((i + 1) % n));
        }
        shifted = new int[n][n];
        for (int m = 0; m < n; m++) {
            shifted[0][m] = m;
        }
        for (int j = 1; j < n; j++) {
            for (int m = 0; m < n; m++) {
                shifted[j][m] = next[shifted[j - 1][m]];
            }
        }
        for (int t = 0; t < 7; t++) {
            LocalDate day = config.anchorDay().plusDays(t);
            covered[t] = config.mroCovers(day);
            resting[t] = members.indexOf(LegacyDutyPlanner.plainNightOf(config, day.minusDays(1)));
            able[t] = covered[t] ? n - 1 : 0;
        }
    }

    /** Whether every member of the MRO rotation, and nobody else, takes weekly nights in turn. */
    static boolean applies(DutyConfig config) {
        List<String> members = config.mroRotation();
        List<String> nights = config.nightRotation();
        return config.nightLength() == DutyConfig.NightLength.WEEKLY && members.size() >= 3
                && nights.size() == members.size() && nights.containsAll(members)
                && nights.stream().distinct().count() == nights.size();
    }

    /** The first cycle of this shape whose windows keep {@code bound}: member indexes, -1 when uncovered. */
    static Optional<int[]> find(DutyConfig config, int bound) {
        return applies(config) ? new WeekShiftCycle(config).search(bound) : Optional.empty();
    }

    private Optional<int[]> search(int bound) {
        int[] week = new int[7];
        for (int t = 0; t < 7; t++) {
            week[t] = covered[t] ? firstChoice(t) : -1;
        }
        do {
            if (noTwoDaysRunning(week) && spread(week) <= bound) {
                return Optional.of(cycle(week));
            }
        } while (advance(week));
        return Optional.empty();
    }

    private int firstChoice(int t) {
        return resting[t] == 0 ? 1 : 0;
    }

    /** The next first week in odometer order, skipping whoever rests; false after the last. */
    private boolean advance(int[] week) {
        for (int t = 6; t >= 0; t--) {
            if (!covered[t]) {
                continue;
            }
            int m = week[t] + 1;
            if (m == resting[t]) {
                m++;
            }
            if (m < n) {
                week[t] = m;
                return true;
            }
            week[t] = firstChoice(t);
        }
        return false;
    }

    private int memberOn(int[] week, int day) {
        int member = week[day % 7];
        return member < 0 ? -1 : shifted[(day / 7) % n][member];
    }

    /** The planner's rule: not the same member two days running where three or more could take the second. */
    private boolean noTwoDaysRunning(int[] week) {
        for (int t = 0; t < 7; t++) {
            int today = memberOn(week, t);
            if (today >= 0 && able[(t + 1) % 7] >= 3 && today == memberOn(week, t + 1)) {
                return false;
            }
        }
        return true;
    }

    /** The worst spread of the windows starting in the first week: the others repeat them under σ. */
    private int spread(int[] week) {
        int worst = 0;
        int[] counts = new int[n];
        for (int start = 0; start < 7; start++) {
            java.util.Arrays.fill(counts, 0);
            for (int day = start; day < start + MroPattern.WINDOW; day++) {
                int member = memberOn(week, day);
                if (member >= 0) {
                    counts[member]++;
                }
            }
            int most = 0;
            int least = Integer.MAX_VALUE;
            for (int count : counts) {
                most = Math.max(most, count);
                least = Math.min(least, count);
            }
            worst = Math.max(worst, most - least);
        }
        return worst;
    }

    private int[] cycle(int[] week) {
        int[] days = new int[7 * n];
        for (int day = 0; day < days.length; day++) {
            days[day] = memberOn(week, day);
        }
        return days;
    }
}

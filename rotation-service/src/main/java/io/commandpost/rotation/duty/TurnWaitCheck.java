package io.commandpost.rotation.duty;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A necessary condition for a cycle that keeps rule 3 (a spread of 1) with equal totals, checked
 * before any search. It applies where every 28-day window holds the same number C of covered days.
 *
 * <p>Number the covered days. A spread of 1 gives every window hi = ceil(C / n) days for each member
 * but h = n·hi − C of them, who get one fewer: they hold a "hole". Sliding the window by one covered
 * day drops day i and adds day i + C; if another member takes i + C, the counts stay within 1 only
 * if that member held a hole, which the member of day i now takes over. So each member's days form
 * hi "turns": a turn taken on day i comes back on day i + C + d after waiting d days in a hole, and
 * a member holds at most one hole at a time. Over a cycle of L covered days with equal totals, a
 * member takes L / n days and, as C·total = hi·L − (days holding a hole), holds a hole h·L / n days:
 * its turns wait h days on average.
 *
 * <p>A member on nights cannot come back on a day they rest, so a turn may have to wait. Where
 * every way round the rest pattern makes a member's turns wait more than h days on average, no such
 * cycle exists. The witness is a potential per position in the rest pattern ({@link Proof}).
 */
final class TurnWaitCheck {

    /**
     * Why {@code member} cannot keep to an average wait of h: over the {@code coveredDays} of one rest
     * period (P of them, from {@code coveredDays.get(0)}), for any two positions a, b the member does
     * not rest on, and the least wait d = (b − a − C) mod P: P·(d − h) − 1 ≥ potential[b] − potential[a]
     * (a longer wait, d + P·j, only adds to the left). Summed round any closed way this gives
     * P·(total wait − h·steps) ≥ steps: the turns wait more than h days on average.
     */
    record Proof(String member, List<LocalDate> coveredDays, int windowDays, int holes, long[] potential) {
    }

    private TurnWaitCheck() {
    }

    /** A member whose turns must wait too long, or empty when this check rules nothing out. */
    static Optional<Proof> proof(DutyConfig config) {
        if (!config.hasNightDuty()) {
            return Optional.empty();
        }
        int period = MroPattern.restPeriod(config);
        LocalDate start = config.anchorDay().plusDays(period);
        Optional<Integer> windowDays = sameCoveredDaysInEveryWindow(config, start, period);
        if (windowDays.isEmpty()) {
            return Optional.empty();
        }
        int c = windowDays.get();
        int n = config.mroRotation().size();
        int hi = -Math.floorDiv(-c, n);
        int holes = n * hi - c;
        List<LocalDate> covered = new ArrayList<>();
        for (int i = 0; i < period; i++) {
            if (config.mroCovers(start.plusDays(i))) {
                covered.add(start.plusDays(i));
            }
        }
        for (String member : config.mroRotation()) {
            Optional<long[]> potential = potential(config, member, covered, c, holes);
            if (potential.isPresent()) {
                return Optional.of(new Proof(member, covered, c, holes, potential.get()));
            }
        }
        return Optional.empty();
    }

    private static Optional<Integer> sameCoveredDaysInEveryWindow(DutyConfig config, LocalDate start, int period) {
        int first = MroPattern.coveredDays(config, start, MroPattern.WINDOW);
        for (int s = 1; s < period; s++) {
            if (MroPattern.coveredDays(config, start.plusDays(s), MroPattern.WINDOW) != first) {
                return Optional.empty();
            }
        }
        return Optional.of(first);
    }

    private static boolean rests(DutyConfig config, String member, LocalDate day) {
        return member.equals(LegacyDutyPlanner.plainNightOf(config, day.minusDays(1)));
    }

    /**
     * Shortest distances from a virtual source over the edges a → b weighted P·(d − h) − 1 (Bellman-Ford):
     * they exist, and satisfy every edge, exactly when no closed way has a negative weight.
     */
    private static Optional<long[]> potential(DutyConfig config, String member, List<LocalDate> covered, int c,
                                              int holes) {
        int p = covered.size();
        boolean[] free = new boolean[p];
        boolean any = false;
        for (int a = 0; a < p; a++) {
            free[a] = !rests(config, member, covered.get(a));
            any |= free[a];
        }
        if (!any) {
            return Optional.empty();
        }
        long[] distance = new long[p];
        for (int round = 0; round <= p; round++) {
            boolean changed = false;
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    if (free[a] && free[b]) {
                        long weight = (long) p * (Math.floorMod(b - a - c, p) - holes) - 1;
                        if (distance[a] + weight < distance[b]) {
                            distance[b] = distance[a] + weight;
                            changed = true;
                        }
                    }
                }
            }
            if (!changed) {
                return Optional.of(distance);
            }
        }
        return Optional.empty();
    }
}

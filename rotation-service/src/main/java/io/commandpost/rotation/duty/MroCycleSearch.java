package io.commandpost.rotation.duty;

import static io.commandpost.rotation.duty.MroPattern.MAX_CYCLE;
import static io.commandpost.rotation.duty.MroPattern.WINDOW;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The bounded search behind {@link MroPattern}: depth-first over the cycle's days, most constrained
 * member first, pruning as soon as a 28-day window or a member's cycle quota can no longer be met.
 */
final class MroCycleSearch {
    private final List<String> members;
    private final int n;
    private final int length;
    private final boolean[] covered;
    private final boolean[][] available;
    private final int bound;
    /** Days covered in the window starting at s. */
    private final int[] days;
    /** Per member bounds any window count must meet (the spread bound's consequence for one member). */
    private final int[] lo;
    private final int[] hi;
    private final int quota;
    private final int[][] count;
    private final int[][] remaining;
    private final int[] total;
    private final int[] remainingTotal;
    private final int[] cycle;
    /** The earliest day that must hold the same member as day t (t itself when none). */
    private final int[] first;
    /** Steps left for this bound: its share of the configuration's budget. */
    private final int[] budget;

    MroCycleSearch(DutyConfig config, int bound, int[] budget) {
        this.bound = bound;
        this.budget = budget;
        members = config.mroRotation();
        n = members.size();
        length = cycleLength(config);
        covered = new boolean[Math.max(length, 0)];
        available = new boolean[n][Math.max(length, 0)];
        days = new int[Math.max(length, 0)];
        lo = new int[Math.max(length, 0)];
        hi = new int[Math.max(length, 0)];
        count = new int[n][Math.max(length, 0)];
        remaining = new int[n][Math.max(length, 0)];
        total = new int[n];
        remainingTotal = new int[n];
        cycle = new int[Math.max(length, 0)];
        first = new int[Math.max(length, 0)];
        int coveredDays = 0;
        for (int i = 0; i < length; i++) {
            LocalDate day = config.anchorDay().plusDays(i);
            covered[i] = config.mroCovers(day);
            coveredDays += covered[i] ? 1 : 0;
            // the night before day 0 is the cycle's last night: day 0 repeats after it
            String rested = LegacyDutyPlanner.plainNightOf(config, config.anchorDay().plusDays(Math.floorMod(i - 1,
                    length)));
            for (int m = 0; m < n; m++) {
                available[m][i] = covered[i] && !members.get(m).equals(rested);
            }
        }
        quota = length <= 0 ? 0 : coveredDays / n;
        for (int s = 0; s < length; s++) {
            for (int k = 0; k < WINDOW; k++) {
                int t = (s + k) % length;
                days[s] += covered[t] ? 1 : 0;
                for (int m = 0; m < n; m++) {
                    remaining[m][s] += available[m][t] ? 1 : 0;
                }
            }
            // lowest count L: L + (n - 1)(L + bound) >= days; highest H: H + (n - 1)(H - bound) <= days
            lo[s] = Math.max(0, ceilDiv(days[s] - (n - 1) * bound, n));
            hi[s] = Math.floorDiv(days[s] + (n - 1) * bound, n);
        }
        linkRepeats();
        for (int m = 0; m < n; m++) {
            for (int s = 0; s < length; s++) {
                remaining[m][s] = 0;
            }
            for (int t = 0; t < length; t++) {
                if (available[m][t]) {
                    addToWindows(remaining[m], t, 1);
                }
            }
        }
        for (int m = 0; m < n; m++) {
            for (int t = 0; t < length; t++) {
                remainingTotal[m] += available[m][t] ? 1 : 0;
            }
        }
    }

    /**
     * Where two windows next to each other must hold exact counts (lo == hi: their covered days
     * divide evenly), the day leaving and the day entering must hold the same member: day s and
     * day s + 28 are linked, and a member can take them only if available on every linked day.
     */
    private void linkRepeats() {
        for (int t = 0; t < length; t++) {
            first[t] = t;
        }
        for (int s = 0; s < length; s++) {
            int next = (s + 1) % length;
            int repeat = (s + WINDOW) % length;
            if (lo[s] == hi[s] && lo[next] == hi[next] && covered[s] && covered[repeat]) {
                union(s, repeat);
            }
        }
        for (int t = 0; t < length; t++) {
            first[t] = root(t);
        }
        for (int t = 0; t < length; t++) {
            if (first[t] != t) {
                for (int m = 0; m < n; m++) {
                    available[m][first[t]] &= available[m][t];
                }
            }
        }
        for (int t = 0; t < length; t++) {
            for (int m = 0; m < n; m++) {
                available[m][t] = available[m][first[t]];
            }
        }
    }

    private int root(int t) {
        int r = t;
        while (first[r] != r) {
            r = first[r];
        }
        return r;
    }

    /** Links a and b; the root is the earlier day, so the DFS meets it first. */
    private void union(int a, int b) {
        int ra = root(a);
        int rb = root(b);
        if (ra != rb) {
            first[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }

    /**
     * A necessary condition checked before searching: when every window's counts are exact,
     * the cycle repeats every 28 days, so each covered day of the first 28 needs a member
     * available on all its repeats, and no member more than their exact share: a matching.
     */
    private boolean matchingPossible() {
        for (int s = 0; s < length; s++) {
            if (lo[s] != hi[s]) {
                return true;
            }
        }
        int share = lo[0];
        for (int s = 0; s < length; s++) {
            if (lo[s] != share) {
                return true;
            }
        }
        int[] load = new int[n];
        int[] owner = new int[WINDOW];
        Arrays.fill(owner, -1);
        for (int t = 0; t < Math.min(WINDOW, length); t++) {
            if (covered[t] && !augment(t, new boolean[n], owner, load, share)) {
                return false;
            }
        }
        return true;
    }

    private boolean augment(int t, boolean[] seen, int[] owner, int[] load, int share) {
        for (int m = 0; m < n; m++) {
            if (!available[m][t] || seen[m]) {
                continue;
            }
            seen[m] = true;
            if (load[m] < share) {
                owner[t] = m;
                load[m]++;
                return true;
            }
            for (int u = 0; u < WINDOW; u++) {
                if (owner[u] == m && augment(u, seen, owner, load, share)) {
                    owner[t] = m;
                    return true;
                }
            }
        }
        return false;
    }

    /** lcm(28, night cycle), times the least factor that lets the cycle's days divide evenly. */
    private static int cycleLength(DutyConfig config) {
        int nightCycle = (config.nightLength() == DutyConfig.NightLength.WEEKLY ? 7 : 1) * config.nightRotation().size();
        int base = nightCycle / MroPattern.gcd(nightCycle, WINDOW) * WINDOW;
        int n = config.mroRotation().size();
        for (int length = base; length <= MAX_CYCLE; length += base) {
            if (MroPattern.coveredDays(config, length) % n == 0) {
                return length;
            }
        }
        return -1;
    }

    private static int ceilDiv(int a, int b) {
        return -Math.floorDiv(-a, b);
    }

    Optional<String[]> run() {
        if (length <= 0 || n == 0 || !matchingPossible()) {
            return Optional.empty();
        }
        try {
            if (!assign(0)) {
                return Optional.empty();
            }
        } catch (BudgetExceeded e) {
            return Optional.empty();
        }
        String[] result = new String[length];
        for (int t = 0; t < length; t++) {
            result[t] = cycle[t] < 0 ? null : members.get(cycle[t]);
        }
        return Optional.of(result);
    }

    private boolean assign(int t) {
        if (--budget[0] < 0) {
            throw new BudgetExceeded();
        }
        if (t == length) {
            return true;
        }
        for (int m = 0; m < n; m++) {
            if (available[m][t]) {
                addToWindows(remaining[m], t, -1);
                remainingTotal[m]--;
            }
        }
        boolean found = false;
        for (int m : candidates(t)) {
            cycle[t] = m;
            if (m >= 0) {
                total[m]++;
                addToWindows(count[m], t, 1);
            }
            found = feasibleAfter(t) && assign(t + 1);
            if (m >= 0) {
                total[m]--;
                addToWindows(count[m], t, -1);
            }
            if (found) {
                break;
            }
        }
        for (int m = 0; m < n; m++) {
            if (available[m][t]) {
                addToWindows(remaining[m], t, 1);
                remainingTotal[m]++;
            }
        }
        // the counts are undone either way; the chosen cycle[] entries stay
        return found;
    }

    /** Available members, most constrained first; nobody twice in a row while two others could. */
    private int[] candidates(int t) {
        if (!covered[t]) {
            return new int[] {-1};
        }
        int eligible = 0;
        for (int m = 0; m < n; m++) {
            eligible += available[m][t] ? 1 : 0;
        }
        boolean spread = eligible >= 3;
        Integer[] order = new Integer[n];
        int size = 0;
        for (int m = 0; m < n; m++) {
            boolean allowed = eligible == 0 || available[m][t];
            if (allowed && spread && ((t > 0 && cycle[t - 1] == m) || (t == length - 1 && cycle[0] == m))) {
                allowed = false;
            }
            if (allowed) {
                order[size++] = m;
            }
        }
        if (first[t] != t) {
            // linked to an earlier day: the same member or nobody
            int forced = cycle[first[t]];
            for (int i = 0; i < size; i++) {
                if (order[i] == forced) {
                    return new int[] {forced};
                }
            }
            return new int[0];
        }
        Integer[] chosen = Arrays.copyOf(order, size);
        int previous = t > 0 ? cycle[t - 1] : -1;
        int[] slack = new int[n];
        for (int i = 0; i < size; i++) {
            slack[chosen[i]] = slack(chosen[i], t);
        }
        // the urgent first, then (softly) not the same person two days running
        Arrays.sort(chosen, Comparator.<Integer>comparingInt(m -> Math.min(slack[m], 1))
                .thenComparing(m -> m == previous)
                .thenComparingInt(m -> slack[m])
                .thenComparingInt(m -> total[m] + remainingTotal[m] - quota)
                .thenComparingInt(m -> m));
        return Arrays.stream(chosen).mapToInt(Integer::intValue).toArray();
    }

    private int slack(int m, int t) {
        int slack = Integer.MAX_VALUE;
        for (int k = 0; k < WINDOW; k++) {
            int s = Math.floorMod(t - k, length);
            slack = Math.min(slack, count[m][s] + remaining[m][s] - lo[s]);
        }
        return slack;
    }

    private boolean feasibleAfter(int t) {
        for (int k = 0; k < WINDOW; k++) {
            int s = Math.floorMod(t - k, length);
            for (int m = 0; m < n; m++) {
                if (count[m][s] > hi[s] || count[m][s] + remaining[m][s] < lo[s]) {
                    return false;
                }
            }
            if (bound > 1 && !spreadPossible(s)) {
                return false;
            }
        }
        for (int m = 0; m < n; m++) {
            if (total[m] > quota || total[m] + remainingTotal[m] < quota) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether window {@code s} can still end with counts in some [low, low + bound]: each member
     * between what it has and what it could still get, the counts adding up to the covered days.
     * (For a bound of 1 the per member lo/hi already say exactly this.)
     */
    private boolean spreadPossible(int s) {
        for (int low = lo[s]; low <= hi[s]; low++) {
            int least = 0;
            int most = 0;
            boolean fits = true;
            for (int m = 0; m < n && fits; m++) {
                int from = Math.max(count[m][s], low);
                int to = Math.min(count[m][s] + remaining[m][s], low + bound);
                fits = from <= to;
                least += from;
                most += to;
            }
            if (fits && least <= days[s] && days[s] <= most) {
                return true;
            }
        }
        return false;
    }

    /** Adds {@code delta} to the 28 windows holding day {@code t}: those starting at t-27 .. t. */
    private void addToWindows(int[] perWindow, int t, int delta) {
        for (int k = 0; k < WINDOW; k++) {
            perWindow[Math.floorMod(t - k, length)] += delta;
        }
    }

    private static final class BudgetExceeded extends RuntimeException {
        BudgetExceeded() {
            super(null, null, false, false);
        }
    }
}

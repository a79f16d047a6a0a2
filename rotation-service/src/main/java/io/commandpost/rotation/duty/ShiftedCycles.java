package io.commandpost.rotation.duty;

import java.util.ArrayList;
import java.util.List;

/**
 * The symmetries a cycle may be asked to keep where the plain searches find nothing fair enough, for
 * weekly nights taken in turn by members of the MRO rotation.
 *
 * <p>w weeks later the rests are the same with every member on nights replaced by the one w places
 * further in the night rotation. So a cycle may keep that shape: day t + 7w goes to π(member of day t),
 * π moving the members on nights w places and the others (in MRO order) one place or none. Only the
 * first 7w days are then free, the solver's problem shrinks by the order of π, and fair cycles the plain
 * problem hides within its effort show up (6 members with 5 on nights: a spread of 2 on weekdays, 3 every
 * day, where the plain searches reach 3 and 5).
 */
final class ShiftedCycles {

    /** Weeks the free first part spans: from a 4-week window up to this many. */
    private static final int MOST_WEEKS = 12;

    record Candidate(int length, MroCycleSolver.Shift shift) {
    }

    private ShiftedCycles() {
    }

    /** Every shift worth a solver attempt, in a fixed order: fewest free weeks first, others unmoved first. */
    static List<Candidate> of(DutyConfig config) {
        List<String> members = config.mroRotation();
        List<String> nights = config.nightRotation();
        List<Candidate> candidates = new ArrayList<>();
        if (config.nightLength() != DutyConfig.NightLength.WEEKLY || !members.containsAll(nights)
                || nights.stream().distinct().count() != nights.size()) {
            return candidates;
        }
        List<Integer> others = new ArrayList<>();
        for (int m = 0; m < members.size(); m++) {
            if (!nights.contains(members.get(m))) {
                others.add(m);
            }
        }
        int k = nights.size();
        for (int weeks = MroPattern.WINDOW / 7; weeks <= MOST_WEEKS; weeks++) {
            for (int step = 0; step <= (others.size() > 1 ? 1 : 0); step++) {
                int[] next = new int[members.size()];
                for (int i = 0; i < k; i++) {
                    next[members.indexOf(nights.get(i))] = members.indexOf(nights.get((i + weeks) % k));
                }
                for (int i = 0; i < others.size(); i++) {
                    next[others.get(i)] = others.get((i + step) % others.size());
                }
                int order = order(next);
                int length = 7 * weeks * order;
                if (order > 1 && length <= MroPattern.MAX_CYCLE
                        && MroPattern.coveredDays(config, length) % members.size() == 0) {
                    candidates.add(new Candidate(length, new MroCycleSolver.Shift(7 * weeks, next)));
                }
            }
        }
        return candidates;
    }

    /** How many times {@code next} must be applied to give every member back. */
    private static int order(int[] next) {
        int order = 1;
        for (int m = 0; m < next.length; m++) {
            int cycle = 1;
            for (int at = next[m]; at != m; at = next[at]) {
                cycle++;
            }
            order = order / MroPattern.gcd(order, cycle) * cycle;
        }
        return order;
    }
}

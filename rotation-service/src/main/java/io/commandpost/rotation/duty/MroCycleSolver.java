package io.commandpost.rotation.duty;

import static io.commandpost.rotation.duty.MroPattern.WINDOW;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sat4j.core.Vec;
import org.sat4j.core.VecInt;
import org.sat4j.pb.IPBSolver;
import org.sat4j.pb.SolverFactory;
import org.sat4j.specs.ContradictionException;
import org.sat4j.specs.IVec;
import org.sat4j.specs.IVecInt;
import org.sat4j.specs.TimeoutException;

/**
 * Rule 3 as a pseudo-Boolean problem (Sat4j): one variable per member and covered day on which the
 * member is not resting after a night, exactly one per covered day, and for every 28-day window a
 * range {@code [low, low + bound]} that every member's count falls in.
 *
 * <p>Two shapes. A <b>cycle</b> (what the planner follows): windows wrap around, every member gets
 * the same number of days per cycle (so totals never drift apart), and nobody takes two days running
 * while two others could (the planner's own rule, which would otherwise break the cycle). A
 * <b>stretch</b> of consecutive days (what a proof needs): only the windows inside it, nothing else.
 * No plan, periodic or not, can keep a spread the stretch cannot, so "impossible" for a stretch is a
 * proof for every plan.
 *
 * <p>Deterministic: the solver's effort is capped in conflicts, not time, so every replica finds the
 * same cycle or gives up at the same point.
 */
final class MroCycleSolver {

    enum Outcome { FOUND, IMPOSSIBLE, UNKNOWN }

    /** {@code days[i]}: index of the member taking day {@code i} in the MRO rotation, -1 when uncovered. */
    record Result(Outcome outcome, int[] days) {
    }

    private final DutyConfig config;
    private final int from;
    private final int length;
    private final boolean cycle;
    private final int n;
    private final boolean[] covered;
    /**
     * Days (and windows) whose constraints are not repeats: under a shift, day t + shift's days and the
     * window starting there are day t and its window with the members relabelled, and every constraint
     * treats all members alike.
     */
    private final int distinct;
    /** var[m][t]: the variable of member m on day t, 0 when the member cannot take it. */
    private final int[][] var;
    private int variables;

    /**
     * A symmetry the cycle keeps: day t + {@code days} goes to {@code next[m]} where day t went to m
     * (members as indexes into the MRO rotation). Only the first {@code days} days have variables of
     * their own; every later day reuses them, relabelled.
     */
    record Shift(int days, int[] next) {
    }

    private MroCycleSolver(DutyConfig config, int from, int length, boolean cycle) {
        this(config, from, length, cycle, null);
    }

    private MroCycleSolver(DutyConfig config, int from, int length, boolean cycle, Shift shift) {
        this.config = config;
        this.from = from;
        this.length = length;
        this.cycle = cycle;
        this.distinct = shift == null ? length : shift.days();
        List<String> members = config.mroRotation();
        n = members.size();
        covered = new boolean[length];
        var = new int[n][length];
        for (int t = 0; t < length; t++) {
            LocalDate day = config.anchorDay().plusDays(from + (long) t);
            covered[t] = config.mroCovers(day);
            String resting = config.hasNightDuty() ? LegacyDutyPlanner.plainNightOf(config, day.minusDays(1)) : null;
            boolean own = shift == null || t < shift.days();
            for (int m = 0; m < n; m++) {
                boolean able = covered[t] && !members.get(m).equals(resting);
                if (own && able) {
                    var[m][t] = ++variables;
                } else if (!own) {
                    var[shift.next()[m]][t] = var[m][t - shift.days()];
                }
            }
            for (int m = 0; m < n && !own; m++) {
                if ((var[m][t] != 0) != (covered[t] && !members.get(m).equals(resting))) {
                    throw new IllegalArgumentException("the shift does not carry the rest pattern onto itself");
                }
            }
        }
    }

    /** A cycle of {@code length} days from the anchor day whose windows (wrapping) keep {@code bound}. */
    static Result cycle(DutyConfig config, int length, int bound, int conflicts) {
        return new MroCycleSolver(config, 0, length, true).solve(bound, conflicts);
    }

    /**
     * A cycle as {@link #cycle} that also keeps {@code shift}, which must carry the rest pattern onto
     * itself and span a window at least, so that no window sees a variable twice.
     */
    static Result shifted(DutyConfig config, int length, Shift shift, int bound, int conflicts) {
        if (shift.days() < WINDOW || length % shift.days() != 0) {
            throw new IllegalArgumentException("a shift of " + shift.days() + " days for a cycle of " + length);
        }
        return new MroCycleSolver(config, 0, length, true, shift).solve(bound, conflicts);
    }

    /** Any plan of the {@code length} days from {@code anchorDay + from} whose windows keep {@code bound}. */
    static Result stretch(DutyConfig config, int from, int length, int bound, int conflicts) {
        return new MroCycleSolver(config, from, length, false).solve(bound, conflicts);
    }

    private Result solve(int bound, int conflicts) {
        IPBSolver solver = SolverFactory.newDefault();
        solver.newVar(variables + (bound + 2) * length);
        solver.setTimeoutOnConflicts(conflicts);
        try {
            if (!oneMemberPerCoveredDay(solver)) {
                return new Result(Outcome.UNKNOWN, null);
            }
            if (!windows(solver, bound) || !equalTotals(solver)) {
                return new Result(Outcome.IMPOSSIBLE, null);
            }
            if (cycle) {
                noTwoDaysRunning(solver);
            }
            if (!solver.isSatisfiable()) {
                return new Result(Outcome.IMPOSSIBLE, null);
            }
        } catch (ContradictionException e) {
            return new Result(Outcome.IMPOSSIBLE, null);
        } catch (TimeoutException e) {
            return new Result(Outcome.UNKNOWN, null);
        }
        int[] model = solver.model();
        boolean[] chosen = new boolean[variables + 1];
        for (int literal : model) {
            if (literal > 0 && literal <= variables) {
                chosen[literal] = true;
            }
        }
        int[] days = new int[length];
        for (int t = 0; t < length; t++) {
            days[t] = -1;
            for (int m = 0; m < n; m++) {
                if (var[m][t] != 0 && chosen[var[m][t]]) {
                    days[t] = m;
                }
            }
        }
        return new Result(Outcome.FOUND, days);
    }

    private boolean oneMemberPerCoveredDay(IPBSolver solver) throws ContradictionException {
        for (int t = 0; t < distinct; t++) {
            if (!covered[t]) {
                continue;
            }
            VecInt members = new VecInt();
            for (int m = 0; m < n; m++) {
                if (var[m][t] != 0) {
                    members.push(var[m][t]);
                }
            }
            if (members.isEmpty()) {
                // nobody rested: the planner then lets a tired member work; no fair plan to search
                return false;
            }
            solver.addExactly(members, 1);
        }
        return true;
    }

    /**
     * Window s holds C covered days; a spread of at most b bounds every count by
     * [ceil((C - (n-1) b) / n), floor((C + (n-1) b) / n)], which for b = 1 is rule 3 exactly. For a
     * larger b the counts must also share one range [low, low + b], low in [ceil(C / n) - b,
     * floor(C / n)]: one selector per candidate low, at least one holds, each implies its range.
     * (A cycle shorter than 28 days counts a day once per time the window passes over it.)
     */
    private boolean windows(IPBSolver solver, int bound) throws ContradictionException {
        int windows = cycle ? distinct : length - WINDOW + 1;
        for (int s = 0; s < windows; s++) {
            int[][] weight = new int[n][length];
            int days = 0;
            for (int k = 0; k < WINDOW; k++) {
                int t = (s + k) % length;
                days += covered[t] ? 1 : 0;
                for (int m = 0; m < n; m++) {
                    weight[m][t] += var[m][t] != 0 ? 1 : 0;
                }
            }
            Count[] counts = new Count[n];
            for (int m = 0; m < n; m++) {
                counts[m] = Count.of(var[m], weight[m]);
                int lowest = Math.max(0, -Math.floorDiv(-(days - (n - 1) * bound), n));
                if (counts[m].reachable < lowest) {
                    return false;
                }
                if (lowest > 0) {
                    solver.addPseudoBoolean(copy(counts[m].literals), copy(counts[m].weights), true,
                            BigInteger.valueOf(lowest));
                }
                solver.addPseudoBoolean(copy(counts[m].literals), copy(counts[m].weights), false,
                        BigInteger.valueOf(Math.floorDiv(days + (n - 1) * bound, n)));
            }
            if (bound > 1) {
                sharedRange(solver, bound, days, counts);
            }
        }
        return true;
    }

    private void sharedRange(IPBSolver solver, int bound, int days, Count[] counts) throws ContradictionException {
        VecInt selectors = new VecInt();
        for (int low = Math.max(0, -Math.floorDiv(-days, n) - bound); low <= Math.floorDiv(days, n); low++) {
            int selector = ++variables;
            selectors.push(selector);
            for (Count count : counts) {
                // selector -> count >= low:  count + low * not(selector) >= low
                if (low > 0) {
                    solver.addPseudoBoolean(with(count.literals, -selector), with(count.weights, low), true,
                            BigInteger.valueOf(low));
                }
                // selector -> count <= low + bound:  count + reachable * selector <= low + bound + reachable
                solver.addPseudoBoolean(with(count.literals, selector), with(count.weights, count.reachable), false,
                        BigInteger.valueOf(low + bound + count.reachable));
            }
        }
        solver.addClause(selectors);
    }

    /** One member's days in one window: their variables, how often the window counts each, the most it can hold. */
    private record Count(VecInt literals, Vec<BigInteger> weights, int reachable) {
        static Count of(int[] variables, int[] weight) {
            // one term per variable: under a shift a member meets the same variable on several days
            Map<Integer, Integer> terms = new LinkedHashMap<>();
            int reachable = 0;
            for (int t = 0; t < variables.length; t++) {
                if (weight[t] > 0) {
                    terms.merge(variables[t], weight[t], Integer::sum);
                    reachable += weight[t];
                }
            }
            VecInt literals = new VecInt();
            Vec<BigInteger> weights = new Vec<>();
            terms.forEach((literal, w) -> {
                literals.push(literal);
                weights.push(BigInteger.valueOf(w));
            });
            return new Count(literals, weights, reachable);
        }
    }

    /** A cycle gives every member the same number of days, or its repeats would drift apart. */
    private boolean equalTotals(IPBSolver solver) throws ContradictionException {
        if (!cycle) {
            return true;
        }
        int days = 0;
        for (boolean day : covered) {
            days += day ? 1 : 0;
        }
        if (days % n != 0) {
            return false;
        }
        for (int m = 0; m < n; m++) {
            int[] weight = new int[length];
            for (int t = 0; t < length; t++) {
                weight[t] = var[m][t] != 0 ? 1 : 0;
            }
            Count total = Count.of(var[m], weight);
            if (distinct == length) {
                solver.addExactly(copy(total.literals), days / n);
            } else {
                // under a shift a member may meet one variable on several days: a weighted sum
                solver.addPseudoBoolean(copy(total.literals), copy(total.weights), true, BigInteger.valueOf(days / n));
                solver.addPseudoBoolean(copy(total.literals), copy(total.weights), false, BigInteger.valueOf(days / n));
            }
        }
        return true;
    }

    /** Day t then day t + 1 (wrapping): not the same member where three or more could take t + 1. */
    private void noTwoDaysRunning(IPBSolver solver) throws ContradictionException {
        for (int t = 0; t < distinct; t++) {
            int next = (t + 1) % length;
            int able = 0;
            for (int m = 0; m < n; m++) {
                able += var[m][next] != 0 ? 1 : 0;
            }
            if (!covered[t] || able < 3) {
                continue;
            }
            for (int m = 0; m < n; m++) {
                if (var[m][t] != 0 && var[m][next] != 0) {
                    solver.addClause(new VecInt(new int[] {-var[m][t], -var[m][next]}));
                }
            }
        }
    }

    // Sat4j may keep or reorder the vectors it is given: every constraint gets its own copy
    private static IVecInt copy(VecInt literals) {
        VecInt copy = new VecInt(literals.size());
        literals.copyTo(copy);
        return copy;
    }

    private static IVec<BigInteger> copy(Vec<BigInteger> weights) {
        Vec<BigInteger> copy = new Vec<>(weights.size());
        weights.copyTo(copy);
        return copy;
    }

    private static IVecInt with(VecInt literals, int extra) {
        VecInt copy = new VecInt(literals.size() + 1);
        literals.copyTo(copy);
        copy.push(extra);
        return copy;
    }

    private static IVec<BigInteger> with(Vec<BigInteger> weights, int extra) {
        Vec<BigInteger> copy = new Vec<>(weights.size() + 1);
        weights.copyTo(copy);
        copy.push(BigInteger.valueOf(extra));
        return copy;
    }
}

package io.commandpost.rotation.duty;

import static org.assertj.core.api.Assertions.assertThat;

import io.commandpost.rotation.duty.DutyConfig.Coverage;
import io.commandpost.rotation.duty.DutyConfig.NightLength;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Night-duty setups in which rule 3 (MRO day counts within 1 over every 4 weeks) cannot hold for
 * any plan, with weekly nights and no leave or overrides. Each test checks the facts its argument
 * rests on against the planner's own rest rule, then the arithmetic.
 *
 * <p>Weekly nights cut time into blocks, Tuesday to Monday: whoever has the nights of ISO week w rests
 * (rule 1) on every day of the block that starts on that week's Tuesday. A 28-day window starting on
 * a Tuesday is exactly 4 blocks ("aligned"). With {@code C} covered days per window and {@code n}
 * members, a spread of at most {@code b} forces every count into [ceil((C - (n-1)b) / n),
 * floor((C + (n-1)b) / n)].
 *
 * <ul>
 *   <li>4 members, 1 on nights: the night person rests every day, so never takes one; the other
 *       three share every window: the spread is at least ceil(C / 3) (10 every day, 7 on weekdays).
 *   <li>4 members, 3 on nights: 28 (or 20) covered days split evenly between 4, so a spread of 1
 *       means exactly 7 (5) each in every window; sliding a window by a day then forces
 *       {@code mro(d + 28) == mro(d)}, and d, d+28, d+56 fall in the rest blocks of all three
 *       night people: only the fourth member could take any day.
 *   <li>3 members, all on nights: in block j the rested one of block j-1 takes {@code c - u(j)}
 *       of its {@code c} covered days, the one resting next {@code u(j)}. The member resting in
 *       blocks j and j+3 takes {@code (c - u(j+1)) + u(j+2)} in the aligned window of blocks j..j+3,
 *       at least the window's minimum m: so {@code u(j+2) >= u(j+1) + (m - c)}. When {@code m > c}
 *       u climbs by at least 1 per block but stays within [0, c]: impossible within c + 2 windows.
 *       Every day (c = 7): m = 9, 8, 8 for spreads 1, 2, 3, so 4 is the best any plan can do.
 *       Weekdays (c = 5): m = 6, 6 for spreads 1, 2, so 3 is the best.
 *   <li>5 members, all on nights, every day: between two rest blocks a member works 4 blocks, an
 *       aligned window in which they are never resting, yet with a spread of 1 they take at most
 *       floor((28 + 4) / 5) = 6 of its days. Every 35 days, each member has one such stretch and
 *       otherwise rests: at most 5 × 6 = 30 of 35 days would be taken. (A spread of 2 allows 7:
 *       not excluded by this argument.)
 *   <li>5 members, all on nights, weekdays: see DutyPlannerTest (20 weekdays split evenly).
 *   <li>Every configuration whose windows split evenly and whose night rotation runs through every
 *       night person within the 28-day repeats (weekly and daily nights): see
 *       {@link #PRE_CHECK_RULE_OUTS}.
 *   <li>Where no short argument was found, a computed one ({@link #SOLVER_RULE_OUTS}): no plan of
 *       some stretch of days keeps every window inside it within one day, so no longer plan can.
 *   <li>Where a spread of 1 is possible only if a member on nights falls behind for ever, which the
 *       owed days of rule 3 forbid: {@link #TURN_WAIT_RULE_OUTS} ({@link TurnWaitCheck}).
 * </ul>
 */
class FairnessBoundProofTest {

    private static final LocalDate MONDAY = LocalDate.parse("2025-01-06");
    private static final List<String> ALL = List.of("alice", "bob", "carol", "dave", "erin", "frank", "grace");

    private static DutyConfig team(int members, int onNights, Coverage coverage) {
        return team(members, onNights, coverage, NightLength.WEEKLY);
    }

    private static DutyConfig team(int members, int onNights, Coverage coverage, NightLength length) {
        return new DutyConfig("payments", ZoneId.of("Europe/Paris"), LocalTime.of(9, 0), LocalTime.of(18, 0),
                ALL.subList(0, members), ALL.subList(0, onNights), coverage, length, MONDAY);
    }

    private static String resting(DutyConfig config, LocalDate day) {
        return DutyPlanner.plainNightOf(config, day.minusDays(1));
    }

    private static int covered(DutyConfig config, LocalDate from, int days) {
        int covered = 0;
        for (int i = 0; i < days; i++) {
            covered += config.mroCovers(from.plusDays(i)) ? 1 : 0;
        }
        return covered;
    }

    @Test
    void withOneOfFourAlwaysOnNightsThatPersonNeverTakesADaySoTheOtherThreeSetTheSpread() {
        for (Coverage coverage : Coverage.values()) {
            DutyConfig config = team(4, 1, coverage);
            for (int i = 1; i < 365; i++) {
                assertThat(resting(config, MONDAY.plusDays(i))).isEqualTo("alice");
            }
            int best = (covered(config, MONDAY, 28) + 2) / 3;
            assertThat(best).isEqualTo(coverage == Coverage.EVERY_DAY ? 10 : 7);
            // and the planner reaches that best
            List<DayPlan> days = DutyPlanner.simulate(config, DutyInputs.NONE, MONDAY.plusDays(365)).days();
            DutyPlannerTest.assertFairOverEveryFourWeeks(days.subList(1, days.size()), config.mroRotation(), best);
        }
    }

    @Test
    void withThreeOfFourOnWeeklyNightsOnlyTheFourthCouldTakeEveryDayThatAFourWeekBalanceForcesToRepeat() {
        for (Coverage coverage : Coverage.values()) {
            DutyConfig config = team(4, 3, coverage);
            LocalDate start = MONDAY.plusDays(7);
            for (int i = 0; i < 28; i++) {
                // every window of 28 days holds a multiple of 4 covered days: a spread of 1 means equal counts
                assertThat(covered(config, start.plusDays(i), 28) % 4).isZero();
            }
            for (int i = 0; i < 28; i++) {
                LocalDate day = start.plusDays(i);
                if (!config.mroCovers(day)) {
                    continue;
                }
                for (String member : config.nightRotation()) {
                    boolean restsOnSomeRepeat = false;
                    for (int k = 0; k < 3; k++) {
                        restsOnSomeRepeat |= member.equals(resting(config, day.plusDays(28L * k)));
                    }
                    assertThat(restsOnSomeRepeat).as("%s on %s", member, day).isTrue();
                }
            }
        }
    }

    @Test
    void withThreeMembersAllOnWeeklyNightsNoPlanKeepsFourWeeksWithinThreeDaysEveryDayOrTwoOnWeekdays() {
        for (Coverage coverage : Coverage.values()) {
            DutyConfig config = team(3, 3, coverage);
            LocalDate tuesday = MONDAY.plusDays(8);
            assertThat(tuesday.getDayOfWeek()).isEqualTo(DayOfWeek.TUESDAY);
            int perBlock = covered(config, tuesday, 7);
            for (int block = 0; block < 12; block++) {
                LocalDate first = tuesday.plusDays(7L * block);
                assertThat(covered(config, first, 7)).isEqualTo(perBlock);
                for (int i = 1; i < 7; i++) {
                    assertThat(resting(config, first.plusDays(i))).isEqualTo(resting(config, first));
                }
                // the three rest in turn: block j and j + 3 rest the same member, j + 1 and j + 2 others
                assertThat(resting(config, first.plusDays(21))).isEqualTo(resting(config, first));
                assertThat(List.of(resting(config, first), resting(config, first.plusDays(7)),
                        resting(config, first.plusDays(14)))).doesNotHaveDuplicates();
            }
            int impossibleUpTo = coverage == Coverage.EVERY_DAY ? 3 : 2;
            for (int bound = 1; bound <= impossibleUpTo; bound++) {
                int least = -Math.floorDiv(-(4 * perBlock - 2 * bound), 3);
                assertThat(least).as("spread %d", bound).isGreaterThan(perBlock);
                assertThat(blockPlanExists(perBlock, least, perBlock + 3)).as("spread %d", bound).isFalse();
            }
            // one more and the argument no longer excludes it (u may stay level)
            int least = -Math.floorDiv(-(4 * perBlock - 2 * (impossibleUpTo + 1)), 3);
            assertThat(least).isLessThanOrEqualTo(perBlock);
        }
    }

    /**
     * Whether shares u(1..blocks) in [0, perBlock] exist with (perBlock - u(j)) + u(j + 1) >= least for
     * every j: exhaustive, depth first.
     */
    private static boolean blockPlanExists(int perBlock, int least, int blocks) {
        return extend(perBlock, least, blocks, -1);
    }

    private static boolean extend(int perBlock, int least, int blocksLeft, int previous) {
        if (blocksLeft == 0) {
            return true;
        }
        for (int u = 0; u <= perBlock; u++) {
            if ((previous < 0 || perBlock - previous + u >= least) && extend(perBlock, least, blocksLeft - 1, u)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void withFiveMembersAllOnWeeklyNightsEveryDayEachTakesAtMostSixDaysPerFiveWeeks() {
        DutyConfig config = team(5, 5, Coverage.EVERY_DAY);
        LocalDate tuesday = MONDAY.plusDays(8);
        int mostPerWindow = Math.floorDiv(28 + 4 * 1, 5);
        assertThat(mostPerWindow).isEqualTo(6);
        for (String member : config.mroRotation()) {
            // the member's stretch between two rest blocks: 28 days, all covered, never resting
            LocalDate restStart = tuesday;
            while (!member.equals(resting(config, restStart))) {
                restStart = restStart.plusDays(7);
            }
            LocalDate stretch = restStart.plusDays(7);
            assertThat(covered(config, stretch, 28)).isEqualTo(28);
            for (int i = 0; i < 28; i++) {
                assertThat(resting(config, stretch.plusDays(i))).isNotEqualTo(member);
            }
            for (int i = 0; i < 7; i++) {
                assertThat(resting(config, stretch.plusDays(28 + i))).isEqualTo(member);
            }
        }
        // 35 days, one stretch each: at most 5 × 6 of the 35 covered days taken
        assertThat(config.mroRotation().size() * mostPerWindow).isLessThan(covered(config, tuesday, 35));
    }

    /**
     * The configurations MroPattern's matching pre-check rules out at a spread of 1, as
     * "members/on nights coverage length". The argument, once: every 28-day window holds the same
     * number C of covered days and n divides C, so a spread of 1 means exactly C / n days each in
     * every window. Sliding a window by one day drops day d and adds day d + 28 (covered alike): the
     * counts stay exact only if both go to the same member, so the plan repeats every 28 days and
     * whoever takes d also takes d + 28, d + 56, ... But 28 days move the night rotation on by 4 weeks
     * (weekly) or 28 nights (daily), which with k = 3, 5 or 7 people on nights runs through all k of
     * them: every night person rests on some repeat of every day. Only the n - k members without
     * nights could take any day, C / n each: (n - k) C / n < C days of the window would be taken.
     */
    private static final List<String> PRE_CHECK_RULE_OUTS = List.of(
            "5/3 WEEKDAYS WEEKLY", "7/3 EVERY_DAY WEEKLY", "7/5 EVERY_DAY WEEKLY", "7/7 EVERY_DAY WEEKLY",
            "4/3 EVERY_DAY DAILY", "4/3 WEEKDAYS DAILY", "5/3 WEEKDAYS DAILY", "5/5 WEEKDAYS DAILY",
            "7/3 EVERY_DAY DAILY", "7/5 EVERY_DAY DAILY");

    @Test
    void whereEveryWindowSplitsEvenlyTheDaysMustRepeatEveryFourWeeksAndEveryNightPersonRestsOnSomeRepeat() {
        for (String row : PRE_CHECK_RULE_OUTS) {
            String[] cells = row.split("[/ ]");
            int n = Integer.parseInt(cells[0]);
            int k = Integer.parseInt(cells[1]);
            DutyConfig config = team(n, k, Coverage.valueOf(cells[2]), NightLength.valueOf(cells[3]));
            // from the second week on, past the first day (nobody rests on day 0)
            LocalDate start = MONDAY.plusDays(7);
            int perWindow = covered(config, start, 28);
            assertThat(perWindow % n).as(row).isZero();
            for (int i = 0; i < 28 * k; i++) {
                LocalDate day = start.plusDays(i);
                // every window the same exact share; the day leaving and the day entering covered alike
                assertThat(covered(config, day, 28)).as("%s from %s", row, day).isEqualTo(perWindow);
                assertThat(config.mroCovers(day.plusDays(28))).as("%s %s", row, day).isEqualTo(config.mroCovers(day));
            }
            for (int i = 0; i < 28; i++) {
                LocalDate day = start.plusDays(i);
                if (!config.mroCovers(day)) {
                    continue;
                }
                for (String member : config.nightRotation()) {
                    boolean restsOnSomeRepeat = false;
                    for (int j = 0; j < k; j++) {
                        restsOnSomeRepeat |= member.equals(resting(config, day.plusDays(28L * j)));
                    }
                    assertThat(restsOnSomeRepeat).as("%s: %s on the repeats of %s", row, member, day).isTrue();
                }
            }
            // the matching fails: the members free on every repeat cannot take the whole window
            int free = n - k;
            assertThat(free * (perWindow / n)).as(row).isLessThan(perWindow);
        }
    }

    /**
     * Rule-outs found by the solver: "members/on nights coverage length: days". No plan of the days
     * from the second Monday on keeps every 28-day window inside them within one day (the solver
     * settles it, it does not run out of effort), while a spread of 2 is possible over the same days,
     * checked by counting, so the encoding is not simply unsatisfiable.
     */
    private static final List<String> SOLVER_RULE_OUTS = List.of(
            "5/3 EVERY_DAY WEEKLY: 84", "6/3 EVERY_DAY WEEKLY: 84", "6/3 WEEKDAYS WEEKLY: 84",
            "6/5 EVERY_DAY WEEKLY: 140");

    @Test
    void whereTheSolverSettlesThatNoStretchOfDaysKeepsOneDayNoPlanCan() {
        for (String row : SOLVER_RULE_OUTS) {
            String[] cells = row.split("[/ :]+");
            DutyConfig config = team(Integer.parseInt(cells[0]), Integer.parseInt(cells[1]),
                    Coverage.valueOf(cells[2]), NightLength.valueOf(cells[3]));
            int days = Integer.parseInt(cells[4]);
            assertThat(MroCycleSolver.stretch(config, 7, days, 1, MroCycleSolverTest.CONFLICTS).outcome()).as(row)
                    .isEqualTo(MroCycleSolver.Outcome.IMPOSSIBLE);
            MroCycleSolver.Result two = MroCycleSolver.stretch(config, 7, days, 2, MroCycleSolverTest.CONFLICTS);
            assertThat(two.outcome()).as(row).isEqualTo(MroCycleSolver.Outcome.FOUND);
            assertThat(MroCycleSolverTest.worstSpread(config, 7, two.days(), false)).as(row).isEqualTo(2);
        }
    }

    /**
     * Shapes in which a spread of 1 leaves a member on nights behind the others for ever, as
     * "members/on nights coverage length". The argument is {@link TurnWaitCheck}'s: with equal totals
     * a member's turns wait {@code holes} days on average, and the check's potentials show that this
     * member's rests make every way round wait longer. Here each fact is checked against the planner's
     * own rest rule, and the potentials edge by edge.
     */
    private static final List<String> TURN_WAIT_RULE_OUTS = List.of(
            "6/5 WEEKDAYS WEEKLY", "7/3 WEEKDAYS WEEKLY", "7/5 WEEKDAYS WEEKLY");

    @Test
    void whereAMemberOnNightsMustWaitOutTheirRestsLongerThanAnEvenShareAllowsOneDayLeavesThemBehind() {
        for (String row : TURN_WAIT_RULE_OUTS) {
            String[] cells = row.split("[/ ]");
            int n = Integer.parseInt(cells[0]);
            DutyConfig config = team(n, Integer.parseInt(cells[1]), Coverage.valueOf(cells[2]),
                    NightLength.valueOf(cells[3]));
            TurnWaitCheck.Proof proof = TurnWaitCheck.proof(config).orElseThrow();
            int p = proof.coveredDays().size();
            int c = proof.windowDays();
            // the covered days from the proof's first one on: its P, then the same rests every P covered days
            List<LocalDate> covered = new java.util.ArrayList<>();
            for (LocalDate day = proof.coveredDays().get(0); covered.size() < 6 * p; day = day.plusDays(1)) {
                if (config.mroCovers(day)) {
                    covered.add(day);
                }
            }
            assertThat(covered.subList(0, p)).as(row).isEqualTo(proof.coveredDays());
            for (int i = 0; i < covered.size(); i++) {
                assertThat(rests(config, proof.member(), covered.get(i))).as("%s %s", row, covered.get(i))
                        .isEqualTo(rests(config, proof.member(), covered.get(i % p)));
            }
            // every 28 days hold the same C covered days: a window is C consecutive covered days
            LocalDate last = covered.get(covered.size() - 1);
            for (LocalDate day = covered.get(0); day.isBefore(last); day = day.plusDays(1)) {
                assertThat(covered(config, day, 28)).as("%s from %s", row, day).isEqualTo(c);
            }
            // a spread of 1: every count in [hi - 1, hi], holes = n·hi - C members one short
            int hi = -Math.floorDiv(-c, n);
            assertThat(-Math.floorDiv(-(c - (n - 1)), n)).as(row).isEqualTo(hi - 1);
            assertThat(Math.floorDiv(c + n - 1, n)).as(row).isEqualTo(hi);
            assertThat(proof.holes()).as(row).isEqualTo(n * hi - c).isPositive();
            // the potentials hold on every edge between days the member does not rest on
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    if (rests(config, proof.member(), covered.get(a)) || rests(config, proof.member(), covered.get(b))) {
                        continue;
                    }
                    long wait = Math.floorMod(b - a - c, p);
                    assertThat((long) p * (wait - proof.holes()) - 1)
                            .as("%s: %s then %s", row, covered.get(a), covered.get(b))
                            .isGreaterThanOrEqualTo(proof.potential()[b] - proof.potential()[a]);
                }
            }
        }
        // the same check finds nothing where the planner keeps one day
        for (String row : List.of("6/5 WEEKDAYS DAILY", "7/3 WEEKDAYS DAILY", "7/5 WEEKDAYS DAILY",
                "7/7 WEEKDAYS WEEKLY")) {
            String[] cells = row.split("[/ ]");
            DutyConfig config = team(Integer.parseInt(cells[0]), Integer.parseInt(cells[1]),
                    Coverage.valueOf(cells[2]), NightLength.valueOf(cells[3]));
            assertThat(TurnWaitCheck.proof(config)).as(row).isEmpty();
        }
    }

    private static boolean rests(DutyConfig config, String member, LocalDate day) {
        return member.equals(resting(config, day));
    }
}

package io.commandpost.rotation.duty;

import static org.assertj.core.api.Assertions.assertThat;

import io.commandpost.rotation.duty.DutyConfig.Coverage;
import io.commandpost.rotation.duty.DutyConfig.NightLength;
import io.commandpost.rotation.duty.MroCycleSolver.Outcome;
import io.commandpost.rotation.duty.MroCycleSolver.Result;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The solver's answers, each checked by counting, independently of how the solver encoded them. */
class MroCycleSolverTest {

    static final LocalDate MONDAY = LocalDate.parse("2025-01-06");
    private static final List<String> ALL = List.of("alice", "bob", "carol", "dave", "erin", "frank", "grace");
    /** Ample for every answer below; an answer that ran out would be UNKNOWN and fail the test. */
    static final int CONFLICTS = 2_000_000;

    static DutyConfig team(int members, int onNights, Coverage coverage, NightLength length) {
        return new DutyConfig("payments", ZoneId.of("Europe/Paris"), LocalTime.of(9, 0), LocalTime.of(18, 0),
                ALL.subList(0, members), ALL.subList(0, onNights), coverage, length, MONDAY);
    }

    @Test
    void aCycleFoundKeepsEveryWrappingWindowWithinItsBoundTheRestRuleEqualTotalsAndNoTwoDaysRunning() {
        record Case(DutyConfig config, int length, int bound) {
        }
        for (Case c : List.of(
                // three members all on daily nights, weekdays: no 84-day cycle keeps one day, a 168-day one does
                new Case(team(3, 3, Coverage.WEEKDAYS, NightLength.DAILY), 168, 1),
                new Case(team(7, 7, Coverage.WEEKDAYS, NightLength.WEEKLY), 49, 1),
                new Case(team(5, 3, Coverage.WEEKDAYS, NightLength.WEEKLY), 42, 2),
                new Case(team(4, 3, Coverage.WEEKDAYS, NightLength.WEEKLY), 84, 3))) {
            Result result = MroCycleSolver.cycle(c.config(), c.length(), c.bound(), CONFLICTS);
            assertThat(result.outcome()).as("%s", c).isEqualTo(Outcome.FOUND);
            assertThat(result.days()).hasSize(c.length());
            assertFollowableCycle(c.config(), result.days(), c.bound());
        }
    }

    /**
     * What the planner needs of a cycle, counted day by day: every wrapping window within {@code bound},
     * the rest rule, an MRO on exactly the covered days, equal totals, nobody two days running while
     * three could take the second.
     */
    static void assertFollowableCycle(DutyConfig config, int[] days, int bound) {
        assertThat(worstSpread(config, 0, days, true)).as("%s", config).isLessThanOrEqualTo(bound);
        assertRestRuleAndCoverage(config, 0, days);
        int[] totals = new int[config.mroRotation().size()];
        for (int t = 0; t < days.length; t++) {
            if (days[t] >= 0) {
                totals[days[t]]++;
            }
            int next = days[(t + 1) % days.length];
            if (days[t] >= 0 && days[t] == next) {
                assertThat(available(config, (t + 1) % days.length)).as("%s day %d", config, t).isLessThan(3);
            }
        }
        assertThat(java.util.Arrays.stream(totals).distinct().count()).as("%s totals", config).isEqualTo(1);
    }

    @Test
    void theSameProblemAlwaysGetsTheSameCycleSoEveryReplicaPlansAlike() {
        DutyConfig config = team(3, 3, Coverage.WEEKDAYS, NightLength.DAILY);
        int[] first = MroCycleSolver.cycle(config, 168, 1, CONFLICTS).days();
        for (int i = 0; i < 3; i++) {
            assertThat(MroCycleSolver.cycle(config, 168, 1, CONFLICTS).days()).isEqualTo(first);
        }
    }

    @Test
    void aCycleThatCannotSplitItsDaysEvenlyIsRefused() {
        // 84 weekdays-only days hold 60 covered days: not a multiple of 7
        assertThat(MroCycleSolver.cycle(team(7, 3, Coverage.WEEKDAYS, NightLength.WEEKLY), 84, 1, CONFLICTS)
                .outcome()).isEqualTo(Outcome.IMPOSSIBLE);
    }

    @Test
    void aStretchFoundKeepsEveryWindowInsideItWithinTheBound() {
        DutyConfig config = team(6, 3, Coverage.EVERY_DAY, NightLength.WEEKLY);
        Result result = MroCycleSolver.stretch(config, 7, 84, 2, CONFLICTS);
        assertThat(result.outcome()).isEqualTo(Outcome.FOUND);
        assertThat(worstSpread(config, 7, result.days(), false)).isLessThanOrEqualTo(2);
        assertRestRuleAndCoverage(config, 7, result.days());
    }

    /** The most any two members' counts differ by over the 28-day windows of {@code days} (wrapping for a cycle). */
    static int worstSpread(DutyConfig config, int from, int[] days, boolean wrapping) {
        int n = config.mroRotation().size();
        int worst = 0;
        for (int s = 0; s < (wrapping ? days.length : days.length - 27); s++) {
            int[] counts = new int[n];
            for (int k = 0; k < 28; k++) {
                int member = days[(s + k) % days.length];
                if (member >= 0) {
                    counts[member]++;
                }
            }
            worst = Math.max(worst, java.util.Arrays.stream(counts).max().orElseThrow()
                    - java.util.Arrays.stream(counts).min().orElseThrow());
        }
        return worst;
    }

    private static void assertRestRuleAndCoverage(DutyConfig config, int from, int[] days) {
        for (int t = 0; t < days.length; t++) {
            LocalDate day = MONDAY.plusDays(from + (long) t);
            assertThat(days[t] >= 0).as("%s", day).isEqualTo(config.mroCovers(day));
            if (days[t] >= 0) {
                assertThat(config.mroRotation().get(days[t])).as("%s", day)
                        .isNotEqualTo(DutyPlanner.plainNightOf(config, day.minusDays(1)));
            }
        }
    }

    private static int available(DutyConfig config, int t) {
        LocalDate day = MONDAY.plusDays(t);
        String resting = DutyPlanner.plainNightOf(config, day.minusDays(1));
        return config.mroCovers(day) ? (int) config.mroRotation().stream().filter(m -> !m.equals(resting)).count() : 0;
    }
}

package io.commandpost.rotation.duty;

import static io.commandpost.rotation.duty.MroCycleSolverTest.CONFLICTS;
import static io.commandpost.rotation.duty.MroCycleSolverTest.assertFollowableCycle;
import static io.commandpost.rotation.duty.MroCycleSolverTest.team;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commandpost.rotation.duty.DutyConfig.Coverage;
import io.commandpost.rotation.duty.DutyConfig.NightLength;
import io.commandpost.rotation.duty.MroCycleSolver.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShiftedCyclesTest {

    @Test
    void sixMembersWithFiveOnWeeklyNightsOnWeekdaysGetTwoDaysTheBestPossibleFromACycleThatRepeatsEverySixWeeks() {
        DutyConfig config = team(6, 5, Coverage.WEEKDAYS, NightLength.WEEKLY);
        ShiftedCycles.Candidate sixWeeks = ShiftedCycles.of(config).stream()
                .filter(candidate -> candidate.shift().days() == 42).findFirst().orElseThrow();
        assertThat(sixWeeks.length()).isEqualTo(210);

        MroCycleSolver.Result result = MroCycleSolver.shifted(config, sixWeeks.length(), sixWeeks.shift(), 2, CONFLICTS);

        assertThat(result.outcome()).isEqualTo(Outcome.FOUND);
        int[] days = result.days();
        assertFollowableCycle(config, days, 2);
        int[] next = sixWeeks.shift().next();
        for (int t = 42; t < days.length; t++) {
            assertThat(days[t]).as("day %d", t).isEqualTo(days[t - 42] < 0 ? -1 : next[days[t - 42]]);
        }
        // frank, never on nights, stays himself; the five on nights move six places along their rotation
        assertThat(next[5]).isEqualTo(5);
        assertThat(next[0]).isEqualTo(1);
    }

    @Test
    void theShiftsMoveTheMembersOnNightsWithTheirRestsAndTheOthersOnePlaceOrNone() {
        List<ShiftedCycles.Candidate> candidates = ShiftedCycles.of(team(5, 3, Coverage.EVERY_DAY, NightLength.WEEKLY));
        assertThat(candidates).isNotEmpty();
        for (ShiftedCycles.Candidate candidate : candidates) {
            int weeks = candidate.shift().days() / 7;
            int[] next = candidate.shift().next();
            for (int i = 0; i < 3; i++) {
                assertThat(next[i]).isEqualTo((i + weeks) % 3);
            }
            assertThat(List.of(next[3], next[4])).isIn(List.of(3, 4), List.of(4, 3));
            assertThat(candidate.length()).isLessThanOrEqualTo(MroPattern.MAX_CYCLE).isGreaterThan(candidate.shift().days());
        }
        // daily nights, or someone on nights outside the MRO rotation: no such symmetry
        assertThat(ShiftedCycles.of(team(5, 3, Coverage.EVERY_DAY, NightLength.DAILY))).isEmpty();
    }

    @Test
    void aShiftThatDoesNotCarryTheRestsOntoThemselvesIsRefused() {
        DutyConfig config = team(6, 5, Coverage.WEEKDAYS, NightLength.WEEKLY);
        int[] erinAndFrankSwapped = {0, 1, 2, 3, 5, 4};
        assertThatThrownBy(() -> MroCycleSolver.shifted(config, 210, new MroCycleSolver.Shift(42, erinAndFrankSwapped), 2,
                CONFLICTS)).isInstanceOf(IllegalArgumentException.class);
    }
}

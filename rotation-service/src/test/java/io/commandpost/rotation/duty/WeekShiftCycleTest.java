package io.commandpost.rotation.duty;

import static io.commandpost.rotation.duty.MroCycleSolverTest.assertFollowableCycle;
import static io.commandpost.rotation.duty.MroCycleSolverTest.team;
import static io.commandpost.rotation.duty.MroCycleSolverTest.worstSpread;
import static org.assertj.core.api.Assertions.assertThat;

import io.commandpost.rotation.duty.DutyConfig.Coverage;
import io.commandpost.rotation.duty.DutyConfig.NightLength;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeekShiftCycleTest {

    @Test
    void fiveMembersAllOnWeeklyNightsEveryDayGetACycleWithinTwoDaysTheBestAnyPlanCanDo() {
        DutyConfig config = team(5, 5, Coverage.EVERY_DAY, NightLength.WEEKLY);

        int[] days = WeekShiftCycle.find(config, 2).orElseThrow();

        assertThat(days).hasSize(35);
        assertFollowableCycle(config, days, 2);
        // one day is impossible (FairnessBoundProofTest), so 2 is the least, and this shape has no cycle of 1
        assertThat(WeekShiftCycle.find(config, 1)).isEmpty();
    }

    @Test
    void eachWeekIsThePreviousOneWithEveryMemberReplacedByTheNextOnNights() {
        for (Coverage coverage : Coverage.values()) {
            DutyConfig config = team(6, 6, coverage, NightLength.WEEKLY);
            int[] days = WeekShiftCycle.find(config, 3).orElseThrow();
            for (int t = 7; t < days.length; t++) {
                int expected = days[t - 7] < 0 ? -1 : (days[t - 7] + 1) % 6;
                assertThat(days[t]).as("%s day %d", coverage, t).isEqualTo(expected);
            }
            assertFollowableCycle(config, days, worstSpread(config, 0, days, true));
        }
    }

    @Test
    void appliesOnlyWhereEveryMemberAndNobodyElseTakesWeeklyNights() {
        assertThat(WeekShiftCycle.applies(team(5, 5, Coverage.EVERY_DAY, NightLength.WEEKLY))).isTrue();
        assertThat(WeekShiftCycle.applies(team(6, 5, Coverage.EVERY_DAY, NightLength.WEEKLY))).isFalse();
        assertThat(WeekShiftCycle.applies(team(5, 5, Coverage.EVERY_DAY, NightLength.DAILY))).isFalse();
        DutyConfig outsider = new DutyConfig("payments", team(3, 3, Coverage.EVERY_DAY, NightLength.WEEKLY).zone(),
                java.time.LocalTime.of(9, 0), java.time.LocalTime.of(18, 0), List.of("alice", "bob", "carol"),
                List.of("alice", "bob", "zoe"), Coverage.EVERY_DAY, NightLength.WEEKLY, MroCycleSolverTest.MONDAY);
        assertThat(WeekShiftCycle.applies(outsider)).isFalse();
        assertThat(WeekShiftCycle.find(outsider, 3)).isEmpty();
    }
}

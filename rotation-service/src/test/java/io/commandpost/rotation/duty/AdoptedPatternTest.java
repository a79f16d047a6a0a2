package io.commandpost.rotation.duty;

import static org.assertj.core.api.Assertions.assertThat;

import io.commandpost.rotation.duty.DayPlan.Reason;
import io.commandpost.rotation.duty.DutyConfig.Coverage;
import io.commandpost.rotation.duty.DutyConfig.NightLength;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The adopted pattern (ADR 0011): a fixed MRO cycle computed once by {@link PatternSearch} and followed by the
 * planner, rest, leave and overrides first. For the shapes where the rule is worse than the old solver-backed
 * planner by more than a day (weekly nights), the pattern meets the old planner's figures.
 */
class AdoptedPatternTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final LocalDate MONDAY = LocalDate.parse("2025-01-06");
    private static final List<String> NAMES = List.of("ana", "ben", "cho", "dev", "eve", "fay", "gus", "hal");

    private static DutyConfig team(int members, int onNights, Coverage coverage, NightLength length) {
        return new DutyConfig("payments", PARIS, LocalTime.of(9, 0), LocalTime.of(18, 0), NAMES.subList(0, members),
                NAMES.subList(0, onNights), coverage, length, MONDAY);
    }

    private static List<DayPlan> yearFollowing(DutyConfig config, PatternSearch.Suggestion suggestion) {
        DutyTimeline timeline = DutyTimeline.of(config).adopting(suggestion.from(MONDAY));
        return DutyPlanner.simulate(timeline, DutyInputs.NONE, MONDAY, MONDAY.plusDays(363)).days();
    }

    private static void assertRestAndNoTwoDaysInARow(List<DayPlan> days) {
        for (int i = 1; i < days.size(); i++) {
            DayPlan day = days.get(i);
            assertThat(day.mro()).as("rule 1 on %s", day.day()).isNotEqualTo(days.get(i - 1).night());
            if (day.mro() != null) {
                assertThat(day.mro()).as("two days in a row on %s", day.day()).isNotEqualTo(days.get(i - 1).mro());
            }
        }
    }

    /**
     * ADR 0011's comparison: old planner (0007–0010) vs the rule, vs the rule following the suggested pattern,
     * over a year without leave, everyone on weekly nights. Each figure: worst quarter's totals spread / worst 4-week
     * spread / longest wait. The pattern's figures are pinned, and never worse than the old planner's.
     */
    @ParameterizedTest(name = "{0} members, weekly nights, {1}")
    @CsvSource({
            // members, coverage, old planner, rule, pattern
            "4, EVERY_DAY, 4/0/15, 3/2/10, 4/0/9",
            "4, WEEKDAYS,  3/0/18, 2/0/11, 2/0/11",
            "5, EVERY_DAY, 2/2/9,  5/4/18, 2/2/8",
            "5, WEEKDAYS,  3/2/18, 4/4/27, 2/2/11",
            "6, WEEKDAYS,  2/1/14, 3/2/22, 1/1/11",
            "7, EVERY_DAY, 2/2/15, 2/3/18, 2/2/11",
            "7, WEEKDAYS,  1/1/14, 1/3/21, 1/1/11",
            "8, EVERY_DAY, 3/1/22, 3/2/19, 2/1/12"
    })
    void withWeeklyNightsTheSuggestedPatternMeetsTheOldPlannersFigures(int members, Coverage coverage, String old,
                                                                        String rule, String pattern) {
        DutyConfig config = team(members, members, coverage, NightLength.WEEKLY);
        PatternSearch.Suggestion suggestion = PatternSearch.suggest(config, MONDAY);
        List<DayPlan> followed = yearFollowing(config, suggestion);

        assertRestAndNoTwoDaysInARow(followed);
        Fairness withPattern = Fairness.of(followed, config.mroRotation());
        Fairness withRule = Fairness.of(DutyPlanner.simulate(config, DutyInputs.NONE, MONDAY.plusDays(363)).days(),
                config.mroRotation());
        assertThat(figures(withRule)).as("the rule").isEqualTo(rule);
        assertThat(figures(withPattern)).as("the pattern %s", suggestion.cycle()).isEqualTo(pattern);
        int[] before = parse(old);
        assertThat(withPattern.worstQuarterSpread()).isLessThanOrEqualTo(before[0]);
        assertThat(withPattern.worstFourWeekSpread()).isLessThanOrEqualTo(before[1]);
        assertThat(withPattern.longestWait()).isLessThanOrEqualTo(before[2]);
    }

    @Test
    void theFiveMemberWeeklyNightsPatternIsFiveWeeksLinedUpWithTheNightsAndGivesEveryoneSevenDays() {
        DutyConfig config = team(5, 5, Coverage.EVERY_DAY, NightLength.WEEKLY);
        PatternSearch.Suggestion suggestion = PatternSearch.suggest(config, MONDAY.plusDays(17));

        assertThat(suggestion.cycle()).hasSize(35);
        // the cycle starts on the Monday of ana's night week, on or before the day asked
        assertThat(suggestion.startsOn().getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
        assertThat(suggestion.startsOn()).isBeforeOrEqualTo(MONDAY.plusDays(17));
        assertThat(DutyPlanner.plainNightOf(config, suggestion.startsOn())).isEqualTo("ana");
        for (String member : config.mroRotation()) {
            assertThat(suggestion.cycle().stream().filter(member::equals).count()).as(member).isEqualTo(7);
        }
        // computed once: the same shape gives the same cycle
        assertThat(PatternSearch.suggest(config, MONDAY.plusDays(17))).isEqualTo(suggestion);
    }

    @Test
    void eachDayOfThePatternSaysSoAndLeaveAndRestComeFirst() {
        DutyConfig config = team(3, 3, Coverage.EVERY_DAY, NightLength.WEEKLY);
        // ana's night week is the first one: she is MRO on its Monday by the pattern, so Tuesday is hers again
        // by the pattern but she rests after her night (rule 1)
        List<String> cycle = java.util.Arrays.asList("ana", "ana", "ben", "cho", "ben", "cho", null);
        DutyTimeline timeline = DutyTimeline.of(config).adopting(new AdoptedPattern(MONDAY, cycle));
        DutyInputs cho = new DutyInputs(List.of(new DutyInputs.Leave("cho", MONDAY.plusDays(3), MONDAY.plusDays(3))),
                List.of(), List.of());

        DutyPlanner.Simulation week = DutyPlanner.simulate(timeline, cho, MONDAY, MONDAY.plusDays(6));

        assertThat(week.day(MONDAY).mro()).isEqualTo("ana");
        assertThat(week.day(MONDAY).mroReason()).isEqualTo("ana: adopted pattern, day 1 of 7");
        DayPlan tuesday = week.day(MONDAY.plusDays(1));
        assertThat(tuesday.mro()).isNotEqualTo("ana");
        assertThat(tuesday.skips()).extracting(DayPlan.Skip::skipped, DayPlan.Skip::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ana", Reason.REST_AFTER_NIGHT_DUTY));
        assertThat(week.day(MONDAY.plusDays(2)).mroReason()).isEqualTo("ben: adopted pattern, day 3 of 7");
        DayPlan thursday = week.day(MONDAY.plusDays(3));
        assertThat(thursday.mro()).isNotEqualTo("cho");
        assertThat(thursday.skips()).extracting(DayPlan.Skip::skipped, DayPlan.Skip::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("cho", Reason.LEAVE));
        // a null day is the rule's
        assertThat(week.day(MONDAY.plusDays(6)).mroReason()).doesNotContain("adopted pattern");
    }

    @Test
    void aPatternNamingSomeoneOutsideTheDaysRotationIsNotFollowedAndOnlyGovernsItsDays() {
        DutyConfig config = team(3, 0, Coverage.EVERY_DAY, NightLength.DAILY);
        DutyTimeline foreign = DutyTimeline.of(config).adopting(new AdoptedPattern(MONDAY, List.of("ana", "dev")));
        DutyTimeline bounded = DutyTimeline.of(config).adopting(new AdoptedPattern(MONDAY, List.of("cho"),
                MONDAY.plusDays(2), MONDAY.plusDays(3)));

        assertThat(DutyPlanner.simulate(foreign, DutyInputs.NONE, MONDAY, MONDAY.plusDays(5)).days())
                .extracting(DayPlan::mro).containsExactly("ana", "ben", "cho", "ana", "ben", "cho");
        assertThat(DutyPlanner.simulate(bounded, DutyInputs.NONE, MONDAY, MONDAY.plusDays(5)).days())
                .extracting(DayPlan::mroReason).containsExactly("ana: next in rotation order",
                        "ben: next in rotation order", "cho: adopted pattern, day 1 of 1",
                        "ana: next in rotation order", "ben: next in rotation order",
                        "cho: fewest MRO days in the last 4 weeks (1)");
    }

    private static String figures(Fairness fairness) {
        return fairness.worstQuarterSpread() + "/" + fairness.worstFourWeekSpread() + "/" + fairness.longestWait();
    }

    private static int[] parse(String figures) {
        String[] parts = figures.split("/");
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2])};
    }
}

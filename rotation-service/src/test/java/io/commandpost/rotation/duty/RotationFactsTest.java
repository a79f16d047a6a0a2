package io.commandpost.rotation.duty;

import static org.assertj.core.api.Assertions.assertThat;

import io.commandpost.rotation.duty.DutyConfig.Coverage;
import io.commandpost.rotation.duty.DutyConfig.NightLength;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plan resumes from recorded facts: the same plan when the facts are what was planned, the facts otherwise. */
class RotationFactsTest {

    private static final LocalDate MONDAY = LocalDate.parse("2025-01-06");
    private static final List<String> FOUR = List.of("ana", "ben", "cho", "dev");
    private static final DutyConfig CONFIG = new DutyConfig("t", ZoneId.of("Europe/Paris"), LocalTime.of(9, 0),
            LocalTime.of(18, 0), FOUR, FOUR, Coverage.EVERY_DAY, NightLength.WEEKLY, MONDAY);
    private static final DutyTimeline TIMELINE = DutyTimeline.of(CONFIG);
    private static final DutyInputs LEAVE = new DutyInputs(
            List.of(new DutyInputs.Leave("cho", MONDAY.plusDays(100), MONDAY.plusDays(110))), List.of(), List.of());

    /** What the handoff job records for the planned days. */
    static RotationFacts recorded(List<DayPlan> days) {
        List<RotationFacts.Duty> duties = new ArrayList<>();
        List<RotationFacts.SkippedTurn> skips = new ArrayList<>();
        for (DayPlan day : days) {
            if (day.mro() != null) {
                duties.add(new RotationFacts.Duty(day.day(), true, day.mro(), day.mro(), day.mroReason()));
            }
            if (day.night() != null) {
                duties.add(new RotationFacts.Duty(day.day(), false, day.night(), day.night(), day.nightReason()));
            }
            day.skips().forEach(skip -> skips.add(new RotationFacts.SkippedTurn(day.day(), skip.skipped(),
                    skip.reason())));
        }
        return new RotationFacts(duties, skips);
    }

    @Test
    void resumingFromFactsThatMatchThePlanGivesTheSamePlanWithoutReplayingTheTeamsHistory() {
        List<DayPlan> fromDayOne = DutyPlanner.simulate(TIMELINE, LEAVE, MONDAY, MONDAY.plusDays(199)).days();
        for (int started : new int[] {1, 30, 99, 104, 150}) {
            RotationFacts facts = recorded(fromDayOne.subList(0, started));
            List<DayPlan> resumed = DutyPlanner.simulate(TIMELINE, LEAVE, facts, MONDAY.plusDays(started),
                    MONDAY.plusDays(199)).days();
            assertThat(resumed).as("resumed after %d days", started)
                    .isEqualTo(fromDayOne.subList(started, fromDayOne.size()));
        }
    }

    @Test
    void theFactsFromTheFirstDayReadOnPlanTheNextQuarterLikeTheWholeHistory() {
        LocalDate today = MONDAY.plusDays(3 * 365);
        RotationFacts all = recorded(DutyPlanner.simulate(TIMELINE, LEAVE, MONDAY, today.minusDays(1)).days());
        LocalDate firstRead = all.firstDayRead().orElseThrow();
        assertThat(firstRead).isEqualTo(today.minusDays(1 + RotationState.WINDOW_DAYS + 2));
        RotationFacts recent = new RotationFacts(all.dutiesIn(firstRead, today),
                all.skipsIn(firstRead, today));

        assertThat(recent.duties().size()).isLessThan(all.duties().size() / 10);
        assertThat(DutyPlanner.simulate(TIMELINE, LEAVE, recent, today, today.plusDays(91)).days())
                .isEqualTo(DutyPlanner.simulate(TIMELINE, LEAVE, all, today, today.plusDays(91)).days());
        assertThat(RotationFacts.NONE.firstDayRead()).isEmpty();
    }

    @Test
    void whatHappenedStaysWhatHappenedAndTheRuleTakesItIntoAccount() {
        List<DayPlan> planned = DutyPlanner.simulate(TIMELINE, DutyInputs.NONE, MONDAY, MONDAY.plusDays(59)).days();
        // older code had ana take the last week's every MRO day: that is the past now
        List<RotationFacts.Duty> duties = new ArrayList<>(recorded(planned.subList(0, 53)).duties());
        for (int i = 53; i < 60; i++) {
            duties.add(new RotationFacts.Duty(MONDAY.plusDays(i), true, "ana", "ana", null));
        }
        RotationFacts facts = new RotationFacts(duties, recorded(planned.subList(0, 53)).skips());

        var simulation = DutyPlanner.simulate(TIMELINE, DutyInputs.NONE, facts, MONDAY.plusDays(53), MONDAY.plusDays(61));

        // the ledger of those days counts what happened, not what today's rule would have planned
        assertThat(simulation.ledger().of("ana").mroDays()).isGreaterThanOrEqualTo(7);
        // and ana, far ahead over the last 4 weeks, is not the next MRO
        assertThat(simulation.day(MONDAY.plusDays(60)).mro()).isNotEqualTo("ana");
        assertThat(simulation.day(MONDAY.plusDays(61)).mro()).isNotEqualTo("ana");
    }

    @Test
    void anOwedDayRecordedAsASkipIsGivenBackFirstAndSaysWhy() {
        List<DayPlan> planned = DutyPlanner.simulate(TIMELINE, DutyInputs.NONE, MONDAY, MONDAY.plusDays(39)).days();
        RotationFacts base = recorded(planned);
        List<RotationFacts.SkippedTurn> skips = new ArrayList<>(base.skips());
        String owed = planned.get(39).mro();
        // recorded: on day 37 it was their turn but they were on leave
        skips.add(new RotationFacts.SkippedTurn(MONDAY.plusDays(37), owed, DayPlan.Reason.LEAVE));
        RotationFacts facts = new RotationFacts(base.duties().stream()
                .filter(duty -> duty.day().isBefore(MONDAY.plusDays(39))).toList(), skips);

        DayPlan day = DutyPlanner.simulate(TIMELINE, DutyInputs.NONE, facts, MONDAY.plusDays(38), MONDAY.plusDays(45))
                .days().stream().filter(plan -> owed.equals(plan.mro())).findFirst().orElseThrow();

        assertThat(day.mroReason()).isEqualTo(owed + ": owed 1 day (on leave on 12 Feb)");
        assertThat(day.day()).isBefore(MONDAY.plusDays(37 + 14));
    }
}

package io.commandpost.rotation.shift;

import static org.assertj.core.api.Assertions.assertThat;

import io.commandpost.events.ShiftEvent;
import io.commandpost.events.ShiftEvent.RestRuleApplied;
import io.commandpost.events.ShiftEvent.ShiftStarted;
import io.commandpost.events.ShiftKind;
import io.commandpost.rotation.duty.DayPlan;
import io.commandpost.rotation.duty.DutyConfig;
import io.commandpost.rotation.duty.DutyInputs;
import io.commandpost.rotation.duty.DutyPlanner;
import io.commandpost.rotation.duty.DutyTimeline;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The handoff decider driven by the duty plan: MRO days, night duty, rest rules, overrides. */
class HandoffDutyDeciderTest {

    private static final Duration LATE_AFTER = Duration.ofMinutes(1);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final LocalDate MONDAY = LocalDate.parse("2025-01-06");
    private static final Instant CREATED = at("2025-01-06T10:00+01:00");
    // bob has every night, so the rest rule keeps him off the MRO days after them
    private static final DutyConfig CONFIG = new DutyConfig("payments", PARIS, LocalTime.of(9, 0), LocalTime.of(18, 0),
            List.of("alice", "bob", "carol", "dave"), List.of("bob"), DutyConfig.Coverage.EVERY_DAY,
            DutyConfig.NightLength.DAILY, MONDAY);

    private static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    private static HandoffDecider.TeamDuty team(DutyInputs inputs) {
        return new HandoffDecider.TeamDuty("payments", CREATED, DutyTimeline.of(CONFIG), inputs, Map.of());
    }

    private static ShiftHistory apply(ShiftHistory history, List<ShiftEvent> events) {
        for (ShiftEvent event : events) {
            history = ShiftHistory.evolve(history, event, history.version() + 1);
        }
        return history;
    }

    @Test
    void startsEveryMroDayAndNightOnceAndAnnouncesEachRestSkipOnce() {
        HandoffDecider.TeamDuty team = team(DutyInputs.NONE);
        ShiftHistory history = ShiftHistory.EMPTY;
        List<ShiftEvent> all = new ArrayList<>();
        // a replica every half hour for three weeks, each run seeing what the previous ones stored
        for (Instant now = CREATED; now.isBefore(CREATED.plus(Duration.ofDays(21))); now = now.plusSeconds(1800)) {
            List<ShiftEvent> due = HandoffDecider.due(team, history, now, LATE_AFTER);
            assertThat(HandoffDecider.due(team, history, now, LATE_AFTER)).isEqualTo(due);
            history = apply(history, due);
            all.addAll(due);
        }
        List<ShiftStarted> started = all.stream().filter(ShiftStarted.class::isInstance)
                .map(ShiftStarted.class::cast).toList();
        Set<String> keys = new HashSet<>();
        for (ShiftStarted shift : started) {
            assertThat(keys.add(shift.kind() + "@" + shift.startsAt())).as("%s", shift).isTrue();
            assertThat(shift.late()).isFalse();
        }
        assertThat(started).filteredOn(s -> s.kind() == ShiftKind.NIGHT_DUTY).hasSize(21)
                .allMatch(s -> s.member().equals("bob"));
        // Monday's (from creation) through the 27th's, which started at 09:00 before the last run
        assertThat(started).filteredOn(s -> s.kind() == ShiftKind.MRO_DAY).hasSize(22);
        for (int i = 1; i < started.size(); i++) {
            assertThat(started.get(i).previousShiftId()).isEqualTo(started.get(i - 1).shiftId());
        }
        List<RestRuleApplied> rules = all.stream().filter(RestRuleApplied.class::isInstance)
                .map(RestRuleApplied.class::cast).toList();
        List<DayPlan> plans = DutyPlanner.simulate(CONFIG, DutyInputs.NONE, MONDAY.plusDays(21)).days();
        List<DayPlan.Skip> skips = plans.stream().flatMap(day -> day.skips().stream()).toList();
        assertThat(skips).isNotEmpty();
        assertThat(rules).extracting(r -> new DayPlan.Skip(r.day(), r.skipped(), r.covering(),
                DayPlan.Reason.valueOf(r.reason()))).containsExactlyElementsOf(skips);
        assertThat(rules).allMatch(r -> r.reason().equals("REST_AFTER_NIGHT_DUTY") && r.cause() == null);
        assertThat(started).filteredOn(s -> s.kind() == ShiftKind.MRO_DAY && !s.startsAt().equals(CREATED))
                .noneMatch(s -> s.member().equals("bob"));
    }

    @Test
    void aReplacementOverrideAtTheHandoffChangesWhoStartsTheShift() {
        DayPlan tuesday = DutyPlanner.dayPlan(CONFIG, DutyInputs.NONE, MONDAY.plusDays(1));
        String stand = tuesday.mro().equals("carol") ? "dave" : "carol";
        DutyInputs swap = new DutyInputs(List.of(), List.of(new DutyInputs.Override(ShiftKind.MRO_DAY, stand,
                tuesday.mro(), at("2025-01-07T08:00+01:00"), at("2025-01-07T20:00+01:00"))), List.of());
        ShiftHistory history = apply(ShiftHistory.EMPTY,
                HandoffDecider.due(team(swap), ShiftHistory.EMPTY, CREATED, LATE_AFTER));

        List<ShiftEvent> due = HandoffDecider.due(team(swap), history, at("2025-01-07T09:00:01+01:00"), LATE_AFTER);

        assertThat(due).filteredOn(ShiftStarted.class::isInstance).map(ShiftStarted.class::cast)
                .filteredOn(s -> s.kind() == ShiftKind.MRO_DAY).singleElement()
                .satisfies(s -> assertThat(s.member()).isEqualTo(stand));
    }

    @Test
    void aNightPageSkipIsAnnouncedAtTheHandoffWithItsCauseUnlessAlreadyAnnounced() {
        DayPlan tuesday = DutyPlanner.dayPlan(CONFIG, DutyInputs.NONE, MONDAY.plusDays(1));
        UUID cause = UUID.randomUUID();
        DutyInputs paged = new DutyInputs(List.of(), List.of(),
                List.of(new DutyInputs.NightPage(tuesday.mro(), at("2025-01-07T02:00+01:00"))));
        HandoffDecider.TeamDuty team = new HandoffDecider.TeamDuty("payments", CREATED, DutyTimeline.of(CONFIG),
                paged, Map.of(HandoffDecider.TeamDuty.causeKey(MONDAY.plusDays(1), tuesday.mro()), cause));
        ShiftHistory history = apply(ShiftHistory.EMPTY, HandoffDecider.due(team, ShiftHistory.EMPTY, CREATED, LATE_AFTER));
        history = apply(history, HandoffDecider.due(team, history, at("2025-01-06T18:00+01:00"), LATE_AFTER));

        List<ShiftEvent> due = HandoffDecider.due(team, history, at("2025-01-07T09:00+01:00"), LATE_AFTER);

        assertThat(due).filteredOn(RestRuleApplied.class::isInstance).map(RestRuleApplied.class::cast)
                .anySatisfy(rule -> {
                    assertThat(rule.skipped()).isEqualTo(tuesday.mro());
                    assertThat(rule.reason()).isEqualTo("REST_AFTER_NIGHT_PAGE");
                    assertThat(rule.cause()).isEqualTo(cause);
                });
        ShiftHistory announced = apply(history, List.of(new RestRuleApplied("payments", MONDAY.plusDays(1),
                tuesday.mro(), "someone", "REST_AFTER_NIGHT_PAGE", cause, at("2025-01-07T02:01+01:00"))));
        assertThat(HandoffDecider.due(team, announced, at("2025-01-07T09:00+01:00"), LATE_AFTER))
                .filteredOn(RestRuleApplied.class::isInstance).map(RestRuleApplied.class::cast)
                .noneMatch(rule -> rule.skipped().equals(tuesday.mro()));
    }
}

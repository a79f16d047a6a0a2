package io.commandpost.rotation.schedule;

import io.commandpost.events.ShiftEvent;
import io.commandpost.platform.eventing.EventStore;
import io.commandpost.rotation.duty.DayPlan;
import io.commandpost.rotation.duty.DutyInputs;
import io.commandpost.rotation.duty.DutyPlanner;
import io.commandpost.rotation.duty.DutyTimeline;
import io.commandpost.rotation.duty.PlannedShift;
import io.commandpost.rotation.duty.RotationFacts;
import io.commandpost.rotation.nightpage.NightPageStore;
import io.commandpost.rotation.team.Team;
import io.commandpost.rotation.team.TeamAggregate;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A team's duty plan from what this service stores: its configuration and the night pages it recorded. */
@ApplicationScoped
public class TeamPlans {

    /** Everything the pure planner needs for one team: configuration, inputs and what really happened. */
    public record TeamPlan(Team team, long version, DutyTimeline timeline, DutyInputs inputs, RotationFacts facts) {

        public TeamPlan(Team team, long version, DutyTimeline timeline, DutyInputs inputs) {
            this(team, version, timeline, inputs, RotationFacts.NONE);
        }

        public DayPlan day(LocalDate day) {
            return simulate(day, day).day(day);
        }

        public DutyPlanner.Simulation simulate(LocalDate from, LocalDate to) {
            return DutyPlanner.simulate(timeline, inputs, facts, from, to);
        }

        /** The shifts of the days {@code from} through {@code to}, as the handoff job will start them. */
        public List<PlannedShift> shifts(LocalDate from, LocalDate to) {
            List<DayPlan> days = simulate(from, to).days().stream().filter(day -> !day.day().isBefore(from)).toList();
            return PlannedShift.of(team.id(), team.createdAt(), inputs, days);
        }

        public LocalDate dutyDayOf(Instant instant) {
            return timeline.dutyDayOf(instant);
        }
    }

    /** The shift stream ({@code shift.HandoffAggregate.STREAM_TYPE}), read here without depending on that feature. */
    static final String SHIFT_STREAM = "shift";

    private final TeamAggregate teams;
    private final NightPageStore nightPages;
    private final EventStore store;

    TeamPlans(TeamAggregate teams, NightPageStore nightPages, EventStore store) {
        this.teams = teams;
        this.nightPages = nightPages;
        this.store = store;
    }

    public Optional<TeamPlan> of(String teamId) {
        return teams.find(teamId).map(versioned -> of(versioned.state(), versioned.version()));
    }

    public TeamPlan of(Team team, long version) {
        List<ShiftEvent> events = store.load(SHIFT_STREAM, team.id()).stream()
                .flatMap(envelope -> envelope.event().stream())
                .filter(ShiftEvent.class::isInstance).map(ShiftEvent.class::cast).toList();
        return of(team, version, events);
    }

    /** The plan of a team whose shift events the caller already loaded. */
    public TeamPlan of(Team team, long version, List<? extends ShiftEvent> events) {
        var pages = nightPages.ofTeam(team.id()).stream().map(NightPageStore.NightPage::toInput).toList();
        DutyTimeline timeline = TeamDuties.timeline(team);
        return new TeamPlan(team, version, timeline, TeamDuties.inputs(team, pages), TeamDuties.facts(timeline, events));
    }
}

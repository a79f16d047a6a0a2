package io.commandpost.rotation.schedule;

import io.commandpost.rotation.duty.DayPlan;
import io.commandpost.rotation.duty.DutyInputs;
import io.commandpost.rotation.duty.DutyPlanner;
import io.commandpost.rotation.duty.DutyTimeline;
import io.commandpost.rotation.duty.PlannedShift;
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

    /** Everything the pure planner needs for one team. */
    public record TeamPlan(Team team, long version, DutyTimeline timeline, DutyInputs inputs) {

        public DayPlan day(LocalDate day) {
            return DutyPlanner.dayPlan(timeline, inputs, day);
        }

        public DutyPlanner.Simulation simulate(LocalDate from, LocalDate to) {
            return DutyPlanner.simulate(timeline, inputs, from, to);
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

    private final TeamAggregate teams;
    private final NightPageStore nightPages;

    TeamPlans(TeamAggregate teams, NightPageStore nightPages) {
        this.teams = teams;
        this.nightPages = nightPages;
    }

    public Optional<TeamPlan> of(String teamId) {
        return teams.find(teamId).map(versioned -> of(versioned.state(), versioned.version()));
    }

    public TeamPlan of(Team team, long version) {
        var pages = nightPages.ofTeam(team.id()).stream().map(NightPageStore.NightPage::toInput).toList();
        return new TeamPlan(team, version, TeamDuties.timeline(team), TeamDuties.inputs(team, pages));
    }
}

package io.commandpost.rotation.schedule;

import io.commandpost.events.EventEnvelope;
import io.commandpost.events.ShiftEvent;
import io.commandpost.platform.eventing.EventStore;
import io.commandpost.rotation.duty.DayPlan;
import io.commandpost.rotation.duty.DutyInputs;
import io.commandpost.rotation.duty.DutyPlanner;
import io.commandpost.rotation.duty.DutyTimeline;
import io.commandpost.rotation.duty.PlannedShift;
import io.commandpost.rotation.duty.RotationFacts;
import io.commandpost.rotation.duty.RotationState;
import io.commandpost.rotation.nightpage.NightPageStore;
import io.commandpost.rotation.team.Team;
import io.commandpost.rotation.team.TeamAggregate;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
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

    /**
     * How far back the shift stream is read for a plan from now on: the facts' four-week window before the last
     * started day, plus room for handoffs that ran late or not at all for a week.
     */
    static final Duration RECENT = Duration.ofDays(42);

    private final TeamAggregate teams;
    private final NightPageStore nightPages;
    private final EventStore store;
    private final Clock clock;

    TeamPlans(TeamAggregate teams, NightPageStore nightPages, EventStore store, Clock clock) {
        this.teams = teams;
        this.nightPages = nightPages;
        this.store = store;
        this.clock = clock;
    }

    public Optional<TeamPlan> of(String teamId) {
        return teams.find(teamId).map(versioned -> of(versioned.state(), versioned.version()));
    }

    /** The plan of a team with the facts of the days from {@code from} on as well (a ledger of past days). */
    public Optional<TeamPlan> of(String teamId, LocalDate from) {
        return teams.find(teamId).map(versioned -> of(versioned.state(), versioned.version(), from));
    }

    public TeamPlan of(Team team, long version) {
        return of(team, version, (LocalDate) null);
    }

    /**
     * Reads only the recent part of the team's shift stream (so planning costs the same for a team three years
     * old as for a new one); the whole stream only when the recent part does not hold the four weeks before the
     * last started day (handoffs that stopped for a while) or when the caller needs older days.
     */
    private TeamPlan of(Team team, long version, LocalDate from) {
        Instant since = clock.instant().minus(RECENT);
        if (from != null) {
            Instant needed = from.minusDays(RotationState.WINDOW_DAYS + 3L).atStartOfDay(team.zone()).toInstant();
            since = needed.isBefore(since) ? needed : since;
        }
        DutyTimeline timeline = TeamDuties.timeline(team);
        List<ShiftEvent> events = shiftEvents(store.loadSince(SHIFT_STREAM, team.id(), since));
        Optional<LocalDate> firstRead = TeamDuties.facts(timeline, events).firstDayRead();
        if (firstRead.isEmpty() || firstRead.get().minusDays(1).atStartOfDay(team.zone()).toInstant().isBefore(since)) {
            events = shiftEvents(store.load(SHIFT_STREAM, team.id()));
        }
        return of(team, version, events);
    }

    private static List<ShiftEvent> shiftEvents(List<EventEnvelope> envelopes) {
        return envelopes.stream().flatMap(envelope -> envelope.event().stream())
                .filter(ShiftEvent.class::isInstance).map(ShiftEvent.class::cast).toList();
    }

    /** The plan of a team whose shift events the caller already loaded. */
    public TeamPlan of(Team team, long version, List<? extends ShiftEvent> events) {
        var pages = nightPages.ofTeam(team.id()).stream().map(NightPageStore.NightPage::toInput).toList();
        DutyTimeline timeline = TeamDuties.timeline(team);
        return new TeamPlan(team, version, timeline, TeamDuties.inputs(team, pages), TeamDuties.facts(timeline, events));
    }
}

package io.commandpost.rotation.shift;

import io.commandpost.events.ShiftEvent;
import io.commandpost.platform.command.Aggregate;
import io.commandpost.platform.command.Appended;
import io.commandpost.platform.command.CommandHandler;
import io.commandpost.platform.command.Decider;
import io.commandpost.platform.timer.Timers;
import io.commandpost.rotation.nightpage.NightPageStore;
import io.commandpost.rotation.schedule.TeamPlans;
import io.commandpost.rotation.team.Team;
import io.commandpost.rotation.team.TeamAggregate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A team's handoffs: the shifts that started on its shift stream (type "shift", id = team id), ruled by
 * {@link HandoffDecider} over the team's plan. Its timer wakes it at the next planned start; the tick starts
 * what is due, late-flagged after downtime, exactly once across replicas (the platform's timers). A team's
 * creation starts its first shifts in the same transaction; any other change of the team wakes its handoffs
 * at once, so a moved handoff time is planned again.
 */
@ApplicationScoped
public class HandoffAggregate implements Aggregate<ShiftCommand, ShiftHistory, ShiftEvent> {

    public static final String NAME = "handoff";
    public static final String STREAM_TYPE = "shift";

    private final CommandHandler handler;
    private final TeamAggregate teams;
    private final TeamPlans plans;
    private final NightPageStore nightPages;
    private final HandoffSettings settings;
    private final Timers timers;
    private final Clock clock;

    HandoffAggregate(CommandHandler handler, TeamAggregate teams, TeamPlans plans, NightPageStore nightPages,
                     HandoffSettings settings, Timers timers, Clock clock) {
        this.handler = handler;
        this.teams = teams;
        this.plans = plans;
        this.nightPages = nightPages;
        this.settings = settings;
        this.timers = timers;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String streamType() {
        return STREAM_TYPE;
    }

    @Override
    public Class<ShiftEvent> eventType() {
        return ShiftEvent.class;
    }

    @Override
    public Decider<ShiftCommand, ShiftHistory, ShiftEvent> decider(String teamId) {
        return HandoffDecider.rules(teams.find(teamId).map(team -> duty(team.state(), team.version())).orElse(null),
                settings.lateAfter());
    }

    /**
     * The handler keeps each team's folded history and reads only the events appended since (ADR 0025): the fold
     * depends on the stream alone, and {@link ShiftHistory} keeps only its last {@link ShiftHistory#KEPT}, so a
     * handoff costs the same for a team three years old as for a new one.
     */
    @Override
    public Object foldKey(String teamId) {
        return ShiftHistory.KEPT;
    }

    /** The shifts that started, the rest rules announced and the handovers given, as the stream makes them. */
    public ShiftHistory history(String teamId) {
        return handler.load(this, teamId).state();
    }

    /**
     * The decider's view of a team: its plan and which notification proved each night page. The rotation
     * facts are not read here: the decider folds them from the shift stream the handler hands its tick
     * ({@link HandoffDecider.TeamDuty#after}), so they are exactly the events it decides on.
     */
    HandoffDecider.TeamDuty duty(Team team, long version) {
        TeamPlans.TeamPlan plan = plans.of(team, version, List.of());
        Map<String, UUID> causes = new HashMap<>();
        for (NightPageStore.NightPage page : nightPages.ofTeam(team.id())) {
            causes.putIfAbsent(HandoffDecider.TeamDuty.causeKey(page.restDay(), page.member()), page.eventId());
        }
        return new HandoffDecider.TeamDuty(team.id(), team.createdAt(), plan.timeline(), plan.inputs(), causes);
    }

    /** In the transaction of the team's change: a new team starts its shifts, a changed one is planned again. */
    void teamChanged(@Observes Appended appended) {
        if (!appended.streamType().equals(TeamAggregate.STREAM_TYPE)) {
            return;
        }
        if (appended.contains("team.created")) {
            handler.tick(this, appended.streamId(), appended.metadata());
        } else {
            timers.wakeBy(NAME, appended.streamId(), clock.instant());
        }
    }
}

package io.commandpost.rotation.shift;

import io.commandpost.events.EventEnvelope;
import io.commandpost.events.ShiftEvent;
import io.commandpost.platform.eventing.EventMetadata;
import io.commandpost.rotation.nightpage.NightPageStore;
import io.commandpost.rotation.schedule.TeamPlans;
import io.commandpost.rotation.team.Team;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Starts the shifts a team's plan says are due, in the caller's transaction. */
@ApplicationScoped
public class Handoffs {

    private final ShiftRepository shifts;
    private final HandoffSettings settings;
    private final TeamPlans plans;
    private final NightPageStore nightPages;

    Handoffs(ShiftRepository shifts, HandoffSettings settings, TeamPlans plans, NightPageStore nightPages) {
        this.shifts = shifts;
        this.settings = settings;
        this.plans = plans;
        this.nightPages = nightPages;
    }

    /** @return the stored ShiftStarted and RestRuleApplied envelopes; empty when nothing was due */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<EventEnvelope> startDueShifts(Team team, Instant now, EventMetadata metadata) {
        ShiftHistory history = shifts.load(team.id());
        List<ShiftEvent> due = HandoffDecider.due(duty(team, history), history, now, settings.lateAfter());
        return shifts.append(team.id(), history, due, metadata);
    }

    /** The decider's view of a team: its plan, what happened so far and which notification proved each night page. */
    public HandoffDecider.TeamDuty duty(Team team, ShiftHistory history) {
        TeamPlans.TeamPlan plan = plans.of(team, 0, history.rotationFacts());
        Map<String, UUID> causes = new HashMap<>();
        for (NightPageStore.NightPage page : nightPages.ofTeam(team.id())) {
            causes.putIfAbsent(HandoffDecider.TeamDuty.causeKey(page.restDay(), page.member()), page.eventId());
        }
        return new HandoffDecider.TeamDuty(team.id(), team.createdAt(), plan.timeline(), plan.inputs(), causes,
                plan.facts());
    }
}

package io.commandpost.rotation.handover;

import io.commandpost.events.ShiftEvent;
import io.commandpost.events.ShiftKind;
import io.commandpost.platform.command.CommandHandler;
import io.commandpost.platform.command.Versioned;
import io.commandpost.rotation.schedule.TeamPlans;
import io.commandpost.rotation.team.Team;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;

/**
 * Who receives a team's handover: the partner team's MRO on duty (follow-the-sun, set by
 * {@code PartnerTeamSet}), else this team's next MRO per the duty plan (the next covered day): the
 * member the handoff job will start that MRO day with, rest rules, leave and overrides applied.
 */
@ApplicationScoped
public class Receivers {

    /** A plan covers at least one day a week; looking further finds nobody. */
    static final int LOOKAHEAD_DAYS = 7;

    private final TeamPlans plans;
    private final CommandHandler handler;
    private final HandoverAggregate handovers;

    Receivers(TeamPlans plans, CommandHandler handler, HandoverAggregate handovers) {
        this.plans = plans;
        this.handler = handler;
        this.handovers = handovers;
    }

    /** @return null when nobody can receive it (the partner team has no MRO on duty, nobody is planned) */
    public Receiver of(Versioned<Team> team, ShiftEvent.ShiftStarted currentShift) {
        String partner = team.state().partnerTeamId();
        if (partner != null) {
            return handler.load(handovers, partner).state().mro().map(shift -> new Receiver(partner, shift.member())).orElse(null);
        }
        TeamPlans.TeamPlan plan = plans.of(team.state(), team.version());
        LocalDate today = plan.dutyDayOf(currentShift.startsAt());
        return plan.shifts(today.plusDays(1), today.plusDays(LOOKAHEAD_DAYS)).stream()
                .filter(shift -> shift.kind() == ShiftKind.MRO_DAY)
                .findFirst().map(shift -> new Receiver(team.state().id(), shift.member())).orElse(null);
    }
}

package io.commandpost.rotation.handover;

import io.commandpost.events.ShiftEvent;
import io.commandpost.events.ShiftKind;
import io.commandpost.rotation.schedule.TeamPlans;
import io.commandpost.rotation.team.TeamRepository;
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
    private final HandoverRepository logs;

    Receivers(TeamPlans plans, HandoverRepository logs) {
        this.plans = plans;
        this.logs = logs;
    }

    /** @return null when nobody can receive it (the partner team has no MRO on duty, nobody is planned) */
    public Receiver of(TeamRepository.Versioned team, ShiftEvent.ShiftStarted currentShift) {
        String partner = team.team().partnerTeamId();
        if (partner != null) {
            return logs.load(partner).mro().map(shift -> new Receiver(partner, shift.member())).orElse(null);
        }
        TeamPlans.TeamPlan plan = plans.of(team.team(), team.version());
        LocalDate today = plan.dutyDayOf(currentShift.startsAt());
        return plan.shifts(today.plusDays(1), today.plusDays(LOOKAHEAD_DAYS)).stream()
                .filter(shift -> shift.kind() == ShiftKind.MRO_DAY)
                .findFirst().map(shift -> new Receiver(team.team().id(), shift.member())).orElse(null);
    }
}

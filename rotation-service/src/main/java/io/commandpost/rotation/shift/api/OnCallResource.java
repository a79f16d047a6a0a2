package io.commandpost.rotation.shift.api;

import io.commandpost.events.ShiftEvent;
import io.commandpost.events.ShiftKind;
import io.commandpost.platform.http.InvalidInputException;
import io.commandpost.platform.http.Problem;
import io.commandpost.rotation.duty.DayPlan;
import io.commandpost.rotation.duty.DutyPlanner;
import io.commandpost.rotation.duty.PlannedShift;
import io.commandpost.rotation.schedule.TeamPlans;
import io.commandpost.rotation.shift.ShiftHistory;
import io.commandpost.rotation.shift.HandoffAggregate;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Who is on duty at an instant (now by default): the MRO and the night duty of that day, who is on
 * duty at that very instant (overrides applied), and why someone else covers when a rest rule or
 * leave applied. A shift that actually started is shown as it started (history); otherwise the plan.
 */
@Path("/v1/teams/{id}/on-call")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Duty")
public class OnCallResource {

    public record OnCall(String team, Instant at, LocalDate day, OnDutyNow onDuty, Duty mro, Duty night,
                         List<SkipView> skips) {
    }

    /** Who is on duty at exactly {@code at}. */
    public record OnDutyNow(ShiftKind kind, List<String> members) {
    }

    /**
     * @param planned the member the plan chose (before overrides)
     * @param started whether the shift actually started (ShiftStarted emitted)
     * @param reason  why this member, in one sentence (as recorded when the shift started), then who
     *                was skipped and why, e.g. "cho: next in rotation order; ben skipped: night duty
     *                the night before; cho covers"
     */
    public record Duty(String member, String planned, UUID shiftId, Instant startsAt, Instant endsAt, boolean started,
                       boolean late, String reason) {
    }

    /** @param text the skip in words, e.g. "ben skipped: on leave; cho covers" */
    public record SkipView(String skipped, String covering, DayPlan.Reason reason, String text) {
        static List<SkipView> of(DayPlan plan) {
            return plan.skips().stream().map(s -> new SkipView(s.skipped(), s.covering(), s.reason(), s.text()))
                    .toList();
        }
    }

    private final TeamPlans plans;
    private final HandoffAggregate handoffs;
    private final Clock clock;

    OnCallResource(TeamPlans plans, HandoffAggregate handoffs, Clock clock) {
        this.plans = plans;
        this.handoffs = handoffs;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "Who is on duty now or at an instant, and why",
            description = "at: ISO-8601 instant, default now. Shows the day's MRO and night duty, overrides applied.")
    public OnCall onCall(@PathParam("id") String id, @QueryParam("at") String atParam) {
        TeamPlans.TeamPlan plan = plans.of(id).orElseThrow(() -> Problem.notFound("no team " + id).exception());
        Instant at = instant(atParam);
        Instant createdAt = plan.team().createdAt();
        if (at.isBefore(createdAt)) {
            return new OnCall(id, at, null, null, null, null, List.of());
        }
        LocalDate day = plan.dutyDayOf(at);
        DayPlan dayPlan = plan.day(day);
        ShiftHistory history = handoffs.history(id);
        OnDutyNow now = onDutyNow(plan, dayPlan, history, at, false);
        Duty mro = duty(plan, dayPlan, history, ShiftKind.MRO_DAY);
        Duty night = duty(plan, dayPlan, history, ShiftKind.NIGHT_DUTY);
        return new OnCall(id, at, day, now, mro, night, SkipView.of(dayPlan));
    }

    /**
     * The plan's person at {@code at}, then the handovers of the shift that started for it (as paging follows them):
     * within the team the receiver has the rest of the shift; to the follow-the-sun partner team, the partner's
     * on-duty person is on duty until the shift ends (the partner's own handovers to others are not followed).
     */
    private OnDutyNow onDutyNow(TeamPlans.TeamPlan plan, DayPlan dayPlan, ShiftHistory history, Instant at,
                                boolean forPartner) {
        var duty = DutyPlanner.onDutyAt(dayPlan, plan.inputs(), at);
        if (duty.isEmpty()) {
            return null;
        }
        ShiftKind kind = ShiftKind.valueOf(duty.get().kind().name());
        var shift = history.started().stream()
                .filter(s -> s.kind() == kind && !s.startsAt().isAfter(at)
                        && (s.endsAt() == null || at.isBefore(s.endsAt())))
                .max(java.util.Comparator.comparing(ShiftEvent.ShiftStarted::startsAt));
        String receiver = null;
        List<ShiftEvent.ShiftHandedOver> handovers = shift.map(s -> history.handoversOf(s.shiftId(), at))
                .orElse(List.of());
        for (ShiftEvent.ShiftHandedOver handover : handovers) {
            if (handover.toTeamId() != null && !handover.toTeamId().equals(plan.team().id())) {
                return forPartner ? null : partnerOnDuty(handover.toTeamId(), at);
            }
            receiver = handover.toMember();
        }
        if (receiver != null) {
            duty = DutyPlanner.onDutyAt(dayPlan, plan.inputs(), at, receiver);
        }
        return duty.map(d -> new OnDutyNow(kind, d.members())).orElse(null);
    }

    private OnDutyNow partnerOnDuty(String partner, Instant at) {
        return plans.of(partner).filter(plan -> !at.isBefore(plan.team().createdAt()))
                .map(plan -> onDutyNow(plan, plan.day(plan.dutyDayOf(at)), handoffs.history(partner), at, true))
                .orElse(null);
    }

    private Instant instant(String at) {
        if (at == null || at.isBlank()) {
            return clock.instant();
        }
        try {
            return Instant.parse(at);
        } catch (DateTimeParseException e) {
            throw InvalidInputException.field("/at", "must be an ISO-8601 instant such as 2025-03-03T09:00:00Z");
        }
    }

    private static Duty duty(TeamPlans.TeamPlan plan, DayPlan day, ShiftHistory history, ShiftKind kind) {
        PlannedShift planned = PlannedShift.of(plan.team().id(), plan.team().createdAt(), plan.inputs(), List.of(day))
                .stream().filter(shift -> shift.kind() == kind).findFirst().orElse(null);
        if (planned == null) {
            return null;
        }
        var started = history.shift(planned.shiftId());
        if (started.isPresent()) {
            ShiftEvent.ShiftStarted shift = started.get();
            String recorded = shift.reason() == null ? planned.reason() : shift.reason();
            return new Duty(shift.member(), shift.planned(), shift.shiftId(), shift.startsAt(), shift.endsAt(), true,
                    shift.late(), withSkips(kind, recorded, day));
        }
        return new Duty(planned.member(), planned.planned(), planned.shiftId(), planned.start(), planned.end(), false,
                false, withSkips(kind, planned.reason(), day));
    }

    /** The MRO's sentence followed by who was skipped and why. */
    static String withSkips(ShiftKind kind, String reason, DayPlan plan) {
        if (kind != ShiftKind.MRO_DAY || plan.skips().isEmpty()) {
            return reason;
        }
        List<String> parts = new java.util.ArrayList<>();
        if (reason != null) {
            parts.add(reason);
        }
        plan.skips().forEach(skip -> parts.add(skip.text()));
        return String.join("; ", parts);
    }
}

package io.commandpost.rotation.calendar;

import io.commandpost.events.ShiftEvent;
import io.commandpost.events.ShiftKind;
import io.commandpost.rotation.duty.DayPlan;
import io.commandpost.rotation.schedule.TeamPlans;
import io.commandpost.rotation.shift.HandoffDecider;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Adapter from the duty plan and the shift history to calendar duties. Pure. */
public final class PlannedDuties {

    private PlannedDuties() {
    }

    /** The MRO days and night duties of the plan that overlap [from, to), overrides at their start applied. */
    public static List<Duty> between(TeamPlans.TeamPlan plan, Instant from, Instant to) {
        Instant createdAt = plan.team().createdAt();
        LocalDate first = plan.dutyDayOf(from.isBefore(createdAt) ? createdAt : from);
        LocalDate last = plan.dutyDayOf(to);
        List<Duty> duties = new ArrayList<>();
        for (DayPlan day : plan.simulate(first, last).days()) {
            if (day.day().isBefore(first)) {
                continue;
            }
            if (day.mro() != null) {
                duties.add(duty(plan, ShiftKind.MRO_DAY, day.mro(), day.mroStart(), day.mroEnd()));
            }
            if (day.night() != null) {
                duties.add(duty(plan, ShiftKind.NIGHT_DUTY, day.night(), day.nightStart(), day.nightEnd()));
            }
        }
        return duties.stream().filter(duty -> duty.end().isAfter(from) && duty.start().isBefore(to)).toList();
    }

    public static List<Duty> history(List<ShiftEvent.ShiftStarted> started) {
        return started.stream()
                .map(shift -> new Duty(shift.shiftId(), shift.kind(), shift.member(), shift.startsAt(), shift.endsAt()))
                .toList();
    }

    private static Duty duty(TeamPlans.TeamPlan plan, ShiftKind kind, String planned, Instant start, Instant end) {
        String member = plan.inputs().startingMember(kind, planned, start);
        return new Duty(HandoffDecider.shiftId(plan.team().id(), kind, start), kind, member, start, end);
    }
}

package io.commandpost.rotation.calendar;

import io.commandpost.events.ShiftEvent;
import io.commandpost.rotation.duty.PlannedShift;
import io.commandpost.rotation.schedule.TeamPlans;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Adapter from the duty plan and the shift history to calendar duties. Pure. Planned duties are
 * the plan's shifts as the handoff job starts them (same member, same start, same id), so an event
 * keeps its UID and its person when the shift actually starts.
 */
public final class PlannedDuties {

    private PlannedDuties() {
    }

    /** The MRO days and night duties of the plan that overlap [from, to). */
    public static List<Duty> between(TeamPlans.TeamPlan plan, Instant from, Instant to) {
        Instant createdAt = plan.team().createdAt();
        LocalDate first = plan.dutyDayOf(from.isBefore(createdAt) ? createdAt : from);
        LocalDate last = plan.dutyDayOf(to);
        return plan.shifts(first, last).stream()
                .filter(shift -> shift.end().isAfter(from) && shift.start().isBefore(to))
                .map(PlannedDuties::duty)
                .toList();
    }

    public static List<Duty> history(List<ShiftEvent.ShiftStarted> started) {
        return started.stream()
                .map(shift -> new Duty(shift.shiftId(), shift.kind(), shift.member(), shift.startsAt(), shift.endsAt()))
                .toList();
    }

    private static Duty duty(PlannedShift shift) {
        return new Duty(shift.shiftId(), shift.kind(), shift.member(), shift.start(), shift.end());
    }
}

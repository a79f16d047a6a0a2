package io.commandpost.rotation.duty;

import io.commandpost.events.ShiftKind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * A shift of the plan exactly as the handoff job starts it: the team's first shifts start at its
 * creation, the member is the plan's choice with a replacement override active at the start
 * applied, and the id is derived from team, kind and start. Everything that shows or uses a planned
 * shift (handover receiver, calendar, on-call view) goes through here, so it agrees with the shift
 * that then starts, id included.
 *
 * @param planned the plan's choice, before overrides
 */
public record PlannedShift(DayPlan dayPlan, ShiftKind kind, UUID shiftId, String planned, String member,
                           Instant start, Instant end) {

    public LocalDate day() {
        return dayPlan.day();
    }

    /** Why {@code member} works this shift: the plan's sentence, or the override that replaced the plan's choice. */
    public String reason() {
        if (!member.equals(planned)) {
            return member + " covers " + planned + " (override)";
        }
        return kind == ShiftKind.MRO_DAY ? dayPlan.mroReason() : dayPlan.nightReason();
    }

    /** The id of the shift of {@code kind} starting at {@code start}: the same on every replica. */
    public static UUID idOf(String teamId, ShiftKind kind, Instant start) {
        return UUID.nameUUIDFromBytes((teamId + "|" + kind + "|" + start).getBytes(StandardCharsets.UTF_8));
    }

    /** The MRO day and night duty of each of {@code days}, ordered by start then kind. */
    public static List<PlannedShift> of(String teamId, Instant createdAt, DutyInputs inputs, List<DayPlan> days) {
        List<PlannedShift> shifts = new ArrayList<>();
        for (DayPlan day : days) {
            if (day.mro() != null) {
                add(shifts, teamId, createdAt, inputs, day, ShiftKind.MRO_DAY, day.mro(), day.mroStart(), day.mroEnd());
            }
            if (day.night() != null) {
                add(shifts, teamId, createdAt, inputs, day, ShiftKind.NIGHT_DUTY, day.night(), day.nightStart(),
                        day.nightEnd());
            }
        }
        shifts.sort(Comparator.comparing(PlannedShift::start).thenComparing(PlannedShift::kind));
        return shifts;
    }

    private static void add(List<PlannedShift> shifts, String teamId, Instant createdAt, DutyInputs inputs,
                            DayPlan day, ShiftKind kind, String planned, Instant plannedStart, Instant end) {
        Instant start = plannedStart.isBefore(createdAt) ? createdAt : plannedStart;
        if (end.isAfter(start)) {
            shifts.add(new PlannedShift(day, kind, idOf(teamId, kind, start), planned,
                    inputs.startingMember(kind, planned, start), start, end));
        }
    }
}

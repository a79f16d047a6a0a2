package io.commandpost.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Who was actually on duty: runtime state of a team's rotations. The aggregate is the team. */
public sealed interface ShiftEvent extends DomainEvent {

    String teamId();

    @Override
    default String aggregateId() {
        return teamId();
    }

    /**
     * A shift began.
     *
     * @param late               true when the handoff was missed (downtime) and is emitted after its start
     * @param previousShiftId    the shift this one follows, null for a team's first shift
     * @param previousHandoverId the handover given at the end of the previous shift, if any: with it the
     *                           start-of-day message can include the overnight digest
     * @param plannedMember      the rotation's choice before overrides (null in events before it was
     *                           recorded: then {@code member}); the rotation counts this one
     * @param reason             why this member, in one sentence (e.g. "ana: owed 1 day (rested after
     *                           night duty on 3 Dec)"); the 09:00 announcement can quote it
     */
    record ShiftStarted(
            String teamId,
            UUID shiftId,
            ShiftKind kind,
            String member,
            Instant startsAt,
            Instant endsAt,
            UUID previousShiftId,
            UUID previousHandoverId,
            boolean late,
            Instant startedAt,
            String plannedMember,
            String reason) implements ShiftEvent {

        public ShiftStarted(String teamId, UUID shiftId, ShiftKind kind, String member, Instant startsAt,
                            Instant endsAt, UUID previousShiftId, UUID previousHandoverId, boolean late,
                            Instant startedAt) {
            this(teamId, shiftId, kind, member, startsAt, endsAt, previousShiftId, previousHandoverId, late,
                    startedAt, null, null);
        }

        /** Whom the rotation planned: {@code plannedMember}, or {@code member} in older events. */
        public String planned() {
            return plannedMember == null ? member : plannedMember;
        }
    }

    /**
     * The MRO handed the rest of their shift over: notes plus every open item carried forward.
     *
     * @param toTeamId the receiving team: this team, or its follow-the-sun partner
     * @param acceptBy when the receiver must have accepted before a reminder goes out
     */
    record ShiftHandedOver(
            String teamId,
            UUID shiftId,
            UUID handoverId,
            String fromMember,
            String toTeamId,
            String toMember,
            String notes,
            List<String> openItems,
            Instant acceptBy,
            Instant handedOverAt) implements ShiftEvent {
    }

    /** The receiver accepted a handover and owns its open items. */
    record ShiftHandoverAccepted(
            String teamId,
            UUID handoverId,
            String acceptedBy,
            Instant acceptedAt) implements ShiftEvent {
    }

    /** A handover was not accepted in time: notification-service reminds the receiver. */
    record HandoverAcceptanceOverdue(
            String teamId,
            UUID handoverId,
            String toTeamId,
            String toMember,
            Instant acceptBy,
            Instant detectedAt) implements ShiftEvent {
    }

    /**
     * The rest rule changed who is MRO on a day: {@code skipped} must rest and {@code covering} takes
     * the day.
     *
     * @param reason {@code REST_AFTER_NIGHT_DUTY} or {@code REST_AFTER_NIGHT_PAGE}
     * @param cause  for a night page, the notification event that proved the interruption; else null
     */
    record RestRuleApplied(
            String teamId,
            java.time.LocalDate day,
            String skipped,
            String covering,
            String reason,
            UUID cause,
            Instant appliedAt) implements ShiftEvent {
    }

    /**
     * It was {@code skipped}'s turn to be MRO on {@code day} but they were on leave: {@code covering}
     * took the day and {@code skipped} is owed one (given back within 14 days or lapsed). Recorded once
     * per team, day and member when the day starts, so the ledger counts what happened.
     */
    record TurnSkippedForLeave(
            String teamId,
            java.time.LocalDate day,
            String skipped,
            String covering,
            Instant recordedAt) implements ShiftEvent {
    }
}

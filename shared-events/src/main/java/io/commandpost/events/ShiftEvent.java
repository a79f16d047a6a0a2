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
     * @param late            true when the handoff was missed (downtime) and is emitted after its start
     * @param previousShiftId the shift this one follows, null for a team's first shift
     */
    record ShiftStarted(
            String teamId,
            UUID shiftId,
            ShiftKind kind,
            String member,
            Instant startsAt,
            Instant endsAt,
            UUID previousShiftId,
            boolean late,
            Instant startedAt) implements ShiftEvent {
    }

    /** The MRO handed the rest of their shift over: notes plus every open item carried forward. */
    record ShiftHandedOver(
            String teamId,
            UUID shiftId,
            String fromMember,
            String toMember,
            String notes,
            List<String> openItems,
            Instant handedOverAt) implements ShiftEvent {
    }
}

package io.commandpost.rotation.handover.api;

import io.commandpost.rotation.handover.Handover;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A handover as the API shows it. */
public record HandoverView(UUID handoverId, String team, UUID shiftId, String from, String toTeam, String to,
                           String notes, List<String> openItems, Instant acceptBy, Instant handedOverAt,
                           Handover.Status status, String acceptedBy, Instant acceptedAt, Instant overdueAt) {

    static HandoverView of(Handover handover) {
        return new HandoverView(handover.handoverId(), handover.teamId(), handover.shiftId(), handover.fromMember(),
                handover.toTeamId(), handover.toMember(), handover.notes(), handover.openItems(), handover.acceptBy(),
                handover.handedOverAt(), handover.status(), handover.acceptedBy(), handover.acceptedAt(),
                handover.overdueDetectedAt());
    }
}

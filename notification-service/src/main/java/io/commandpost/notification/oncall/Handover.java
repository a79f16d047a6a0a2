package io.commandpost.notification.oncall;

import java.time.Instant;
import java.util.UUID;

/** A handover as the on-call projection knows it; fields are null until ShiftHandedOver was seen. */
public record Handover(UUID handoverId, String teamId, String fromMember, String toTeamId, String toMember,
                       String notes, Integer openItems, Instant acceptBy, Instant acceptedAt) {

    public boolean handedOver() {
        return fromMember != null;
    }

    public boolean accepted() {
        return acceptedAt != null;
    }
}

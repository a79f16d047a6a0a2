package io.commandpost.rotation.handover;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One handover as its events made it: given, then maybe accepted, maybe reported overdue. */
public record Handover(UUID handoverId, String teamId, UUID shiftId, String fromMember, String toTeamId,
                       String toMember, String notes, List<String> openItems, Instant acceptBy,
                       Instant handedOverAt, String acceptedBy, Instant acceptedAt, Instant overdueDetectedAt) {

    public enum Status { PENDING, ACCEPTED, OVERDUE }

    public Handover {
        openItems = List.copyOf(openItems);
    }

    public boolean accepted() {
        return acceptedAt != null;
    }

    public Status status() {
        if (accepted()) {
            return Status.ACCEPTED;
        }
        return overdueDetectedAt != null ? Status.OVERDUE : Status.PENDING;
    }

    Handover accept(String by, Instant at) {
        return new Handover(handoverId, teamId, shiftId, fromMember, toTeamId, toMember, notes, openItems, acceptBy,
                handedOverAt, by, at, overdueDetectedAt);
    }

    Handover overdue(Instant at) {
        return new Handover(handoverId, teamId, shiftId, fromMember, toTeamId, toMember, notes, openItems, acceptBy,
                handedOverAt, acceptedBy, acceptedAt, at);
    }
}

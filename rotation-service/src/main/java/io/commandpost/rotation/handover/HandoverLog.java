package io.commandpost.rotation.handover;

import io.commandpost.events.ShiftEvent;
import io.commandpost.events.ShiftKind;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a handover decision needs from a team's shift stream: the MRO shift running now (the last
 * one started), every handover given on the stream, and the stream version to append at.
 */
public record HandoverLog(ShiftEvent.ShiftStarted currentMro, Map<UUID, Handover> handovers, long version) {

    public static final HandoverLog EMPTY = new HandoverLog(null, Map.of(), 0);

    public HandoverLog {
        handovers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(handovers));
    }

    public Optional<ShiftEvent.ShiftStarted> mro() {
        return Optional.ofNullable(currentMro);
    }

    public Optional<Handover> handover(UUID handoverId) {
        return Optional.ofNullable(handovers.get(handoverId));
    }

    public Collection<Handover> all() {
        return handovers.values();
    }

    /** Folds one event of the stream in; {@code event} null for a type this service does not know. */
    public static HandoverLog evolve(HandoverLog state, ShiftEvent event, long version) {
        ShiftEvent.ShiftStarted mro = state.currentMro;
        Map<UUID, Handover> handovers = new LinkedHashMap<>(state.handovers);
        if (event instanceof ShiftEvent.ShiftStarted started && started.kind() == ShiftKind.MRO_DAY) {
            mro = started;
        } else if (event instanceof ShiftEvent.ShiftHandedOver given && given.handoverId() != null) {
            handovers.put(given.handoverId(), new Handover(given.handoverId(), given.teamId(), given.shiftId(),
                    given.fromMember(), given.toTeamId(), given.toMember(), given.notes() == null ? "" : given.notes(),
                    given.openItems() == null ? java.util.List.of() : given.openItems(), given.acceptBy(),
                    given.handedOverAt(), null, null, null));
        } else if (event instanceof ShiftEvent.ShiftHandoverAccepted accepted) {
            handovers.computeIfPresent(accepted.handoverId(),
                    (id, handover) -> handover.accept(accepted.acceptedBy(), accepted.acceptedAt()));
        } else if (event instanceof ShiftEvent.HandoverAcceptanceOverdue overdue) {
            handovers.computeIfPresent(overdue.handoverId(), (id, handover) -> handover.overdue(overdue.detectedAt()));
        }
        return new HandoverLog(mro, handovers, version);
    }
}

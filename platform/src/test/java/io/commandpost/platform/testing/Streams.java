package io.commandpost.platform.testing;

import io.commandpost.events.EventEnvelope;
import io.commandpost.events.ShiftEvent;
import io.commandpost.platform.eventing.EventStore;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads of the test streams, shared by the handler and timer tests. */
public final class Streams {

    private Streams() {
    }

    /** Tests share one database: every stream gets a fresh id. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static List<ShiftEvent.HandoverAcceptanceOverdue> overdue(EventStore store, String streamId) {
        return store.load("shift", streamId).stream().map(EventEnvelope::event).flatMap(Optional::stream)
                .filter(ShiftEvent.HandoverAcceptanceOverdue.class::isInstance)
                .map(ShiftEvent.HandoverAcceptanceOverdue.class::cast).toList();
    }
}

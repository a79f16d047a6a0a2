package io.commandpost.rotation.shift;

import io.commandpost.events.EventEnvelope;
import io.commandpost.events.ShiftEvent;
import io.commandpost.platform.eventing.EventMetadata;
import io.commandpost.platform.eventing.EventStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/** A team's shift stream in the event store (type "shift", id = team id). */
@ApplicationScoped
public class ShiftRepository {

    public static final String STREAM_TYPE = "shift";

    private final EventStore store;

    ShiftRepository(EventStore store) {
        this.store = store;
    }

    public ShiftHistory load(String teamId) {
        ShiftHistory history = ShiftHistory.EMPTY;
        for (EventEnvelope envelope : store.load(STREAM_TYPE, teamId)) {
            var event = envelope.event();
            history = event.isPresent() && event.get() instanceof ShiftEvent shiftEvent
                    ? ShiftHistory.evolve(history, shiftEvent, envelope.aggregateVersion())
                    : history.at(envelope.aggregateVersion());
        }
        return history;
    }

    /** Appends at the history's version: a concurrent writer makes this throw ConcurrencyConflictException. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<EventEnvelope> append(String teamId, ShiftHistory seen, List<? extends ShiftEvent> events,
                                      EventMetadata metadata) {
        if (events.isEmpty()) {
            return List.of();
        }
        return store.append(STREAM_TYPE, teamId, seen.version(), events, metadata);
    }
}

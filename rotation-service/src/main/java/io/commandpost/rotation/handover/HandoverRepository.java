package io.commandpost.rotation.handover;

import io.commandpost.events.EventEnvelope;
import io.commandpost.events.ShiftEvent;
import io.commandpost.platform.eventing.EventMetadata;
import io.commandpost.platform.eventing.EventStore;
import io.commandpost.rotation.shift.ShiftRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/** Handovers live on the team's shift stream, next to the shifts they hand over. */
@ApplicationScoped
public class HandoverRepository {

    private final EventStore store;

    HandoverRepository(EventStore store) {
        this.store = store;
    }

    public HandoverLog load(String teamId) {
        HandoverLog log = HandoverLog.EMPTY;
        for (EventEnvelope envelope : store.load(ShiftRepository.STREAM_TYPE, teamId)) {
            ShiftEvent event = envelope.event().filter(ShiftEvent.class::isInstance).map(ShiftEvent.class::cast)
                    .orElse(null);
            log = HandoverLog.evolve(log, event, envelope.aggregateVersion());
        }
        return log;
    }

    /** Appends at the log's version: a concurrent writer makes this throw ConcurrencyConflictException. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<EventEnvelope> append(String teamId, HandoverLog seen, List<? extends ShiftEvent> events,
                                      EventMetadata metadata) {
        if (events.isEmpty()) {
            return List.of();
        }
        return store.append(ShiftRepository.STREAM_TYPE, teamId, seen.version(), events, metadata);
    }
}

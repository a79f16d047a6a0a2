package io.commandpost.incident.incident.store;

import io.commandpost.events.EventEnvelope;
import io.commandpost.events.IncidentEvent;
import io.commandpost.incident.incident.Incident;
import io.commandpost.platform.eventing.EventStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads an incident's stream for the views that need its events too (timeline, postmortem). */
@ApplicationScoped
public class IncidentRepository {

    public static final String STREAM_TYPE = "incident";

    /** The state and the events it was folded from. */
    public record Loaded(Incident state, List<IncidentEvent> events) {

        public static Loaded empty() {
            return new Loaded(Incident.NONE, List.of());
        }
    }

    private final EventStore store;

    IncidentRepository(EventStore store) {
        this.store = store;
    }

    public Loaded load(UUID incidentId) {
        Incident state = Incident.NONE;
        List<IncidentEvent> events = new ArrayList<>();
        for (EventEnvelope envelope : store.load(STREAM_TYPE, incidentId.toString())) {
            IncidentEvent event = envelope.event().filter(IncidentEvent.class::isInstance)
                    .map(IncidentEvent.class::cast).orElseThrow(() -> new IllegalStateException(
                            "unreadable event " + envelope.eventType() + " in incident " + incidentId));
            state = Incident.evolve(state, event);
            events.add(event);
        }
        return new Loaded(state, List.copyOf(events));
    }
}

package io.commandpost.incident.incident.view;

import io.commandpost.events.EventEnvelope;
import io.commandpost.events.IncidentEvent;
import io.commandpost.events.Topics;
import io.commandpost.platform.eventing.Projection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Keeps incident_summary from commandpost.incidents.v1: one row per incident. A milestone folded in feeds the
 * duration histograms at once (each incident counts once, so a rebuild's replay counts nothing twice).
 */
@ApplicationScoped
public class IncidentsProjection implements Projection {

    public static final String NAME = "incidents";

    private final IncidentSummaryStore store;
    private final IncidentMetrics metrics;

    IncidentsProjection(IncidentSummaryStore store, IncidentMetrics metrics) {
        this.store = store;
        this.metrics = metrics;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Collection<String> topics() {
        return List.of(Topics.INCIDENTS);
    }

    @Override
    public void handle(EventEnvelope envelope) {
        envelope.event().filter(IncidentEvent.class::isInstance).map(IncidentEvent.class::cast).ifPresent(event -> {
            Optional<IncidentSummary> current = store.findForUpdate(event.incidentId());
            Optional<IncidentSummary> next = IncidentSummaryEvolution.evolve(current, event,
                    envelope.aggregateVersion());
            if (next.isPresent() && !next.equals(current)) {
                store.save(next.get());
                metrics.folded(next.get());
            }
        });
    }

    @Override
    public void reset() {
        store.deleteAll();
    }
}

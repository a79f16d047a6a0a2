package io.commandpost.incident.incident.view;

import io.commandpost.events.Severity;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * Incident metrics at /q/metrics, from the incidents projection, so a rebuild of the projection reproduces them:
 * open incidents by severity (gauges read at scrape time), and time to acknowledge / resolve as histograms
 * ({@link IncidentDurations}) fed from the projection's rows at startup, after each fold, and every 10 s.
 */
@ApplicationScoped
public class IncidentMetrics {

    private final MeterRegistry registry;
    private final IncidentSummaryStore store;
    private final IncidentDurations durations;
    private volatile Snapshot snapshot = new Snapshot(List.of(), 0);

    IncidentMetrics(MeterRegistry registry, IncidentSummaryStore store) {
        this.registry = registry;
        this.store = store;
        this.durations = new IncidentDurations(registry);
    }

    private record Snapshot(List<IncidentSummary> incidents, long takenAtNanos) {
    }

    void register(@Observes StartupEvent startup) {
        for (Severity severity : Severity.values()) {
            Gauge.builder("commandpost.incidents.open", () -> incidents().stream()
                            .filter(i -> i.open() && i.severity() == severity).count())
                    .tag("severity", severity.name()).description("Incidents not resolved yet, by severity")
                    .register(registry);
        }
        refresh();
    }

    /** Records the durations the projection shows and the histograms do not have yet. */
    @Scheduled(every = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        durations.observe(store.all());
    }

    /** The projection folded an event into this incident's row. */
    void folded(IncidentSummary incident) {
        durations.observe(List.of(incident));
    }

    /** One read of the table per scrape (the gauges of a scrape share it for a second). */
    private List<IncidentSummary> incidents() {
        Snapshot current = snapshot;
        long now = System.nanoTime();
        if (current.takenAtNanos() == 0 || now - current.takenAtNanos() > 1_000_000_000L) {
            current = new Snapshot(store.all(), now);
            snapshot = current;
        }
        return current.incidents();
    }
}

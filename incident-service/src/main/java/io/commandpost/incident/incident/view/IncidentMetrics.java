package io.commandpost.incident.incident.view;

import io.commandpost.events.Severity;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Incident metrics at /q/metrics, read from the incidents projection at scrape time, so a rebuild of the
 * projection reproduces them exactly: open incidents by severity, and time to acknowledge / resolve (from
 * the impact's start) as cumulative histograms ({@code _bucket{le=…}}, {@code _count}, {@code _sum}).
 */
@ApplicationScoped
public class IncidentMetrics {

    /** Upper bounds of the duration buckets, in seconds: 1 min … 1 day. */
    static final long[] BUCKETS = {60, 300, 900, 1_800, 3_600, 7_200, 14_400, 43_200, 86_400};

    private final MeterRegistry registry;
    private final IncidentSummaryStore store;
    private volatile Snapshot snapshot = new Snapshot(List.of(), 0);

    IncidentMetrics(MeterRegistry registry, IncidentSummaryStore store) {
        this.registry = registry;
        this.store = store;
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
        histogram("commandpost.incident.time.to.acknowledge.seconds", IncidentSummary::timeToAcknowledge);
        histogram("commandpost.incident.time.to.resolve.seconds", IncidentSummary::timeToResolve);
    }

    private void histogram(String name, Function<IncidentSummary, Duration> measure) {
        for (int i = 0; i <= BUCKETS.length; i++) {
            String le = i < BUCKETS.length ? Long.toString(BUCKETS[i]) : "+Inf";
            long bound = i < BUCKETS.length ? BUCKETS[i] : Long.MAX_VALUE;
            gauge(name + ".bucket", list -> cumulative(durations(list, measure), bound), "le", le);
        }
        gauge(name + ".count", list -> durations(list, measure).size());
        gauge(name + ".sum", list -> durations(list, measure).stream().mapToDouble(Duration::toSeconds).sum());
    }

    private void gauge(String name, ToDoubleFunction<List<IncidentSummary>> value, String... tags) {
        Gauge.builder(name, () -> value.applyAsDouble(incidents())).tags(tags).register(registry);
    }

    static List<Duration> durations(List<IncidentSummary> incidents, Function<IncidentSummary, Duration> measure) {
        return incidents.stream().map(measure).filter(Objects::nonNull).toList();
    }

    /** How many durations are at most {@code boundSeconds}. */
    static long cumulative(List<Duration> durations, long boundSeconds) {
        return durations.stream().filter(d -> d.toSeconds() <= boundSeconds).count();
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

package io.commandpost.incident.queue.projection;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code commandpost_queue_depth{team, kind}} at /q/metrics: open items of each team's queue by kind, read from
 * the mro-queue projection (so a rebuild reproduces it), refreshed every 10 s.
 */
@ApplicationScoped
public class QueueMetrics {

    private final QueueStore store;
    private final MultiGauge depth;

    QueueMetrics(QueueStore store, MeterRegistry registry) {
        this.store = store;
        this.depth = MultiGauge.builder("commandpost.queue.depth")
                .description("Open items in the MRO queue, by team and kind").register(registry);
    }

    void start(@Observes StartupEvent startup) {
        refresh();
    }

    @Scheduled(every = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        depth.register(store.openCounts().stream()
                .map(row -> MultiGauge.Row.of(Tags.of("team", row.team(), "kind", row.kind()), row.count()))
                .toList(), true);
    }
}

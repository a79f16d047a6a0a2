package io.commandpost.incident.incident.view;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Time to acknowledge and time to resolve (from the impact's start) as Micrometer histograms with fixed buckets.
 * Each incident's duration is recorded once, the first time the incidents projection shows it: a milestone never
 * moves, so feeding the same rows again (a rebuild, a second scrape, a restart reading the table anew) never counts
 * twice, and every replica converges on the projection's rows.
 */
public final class IncidentDurations {

    /** Upper bounds of the buckets, in seconds: 1 min … 1 day. */
    static final double[] BUCKETS = {60, 300, 900, 1_800, 3_600, 7_200, 14_400, 43_200, 86_400};

    private final Measure acknowledge;
    private final Measure resolve;

    public IncidentDurations(MeterRegistry registry) {
        this.acknowledge = new Measure(registry, "commandpost.incident.time.to.acknowledge",
                "From the impact's start to the incident's acknowledgement", IncidentSummary::timeToAcknowledge);
        this.resolve = new Measure(registry, "commandpost.incident.time.to.resolve",
                "From the impact's start to the incident's resolution", IncidentSummary::timeToResolve);
    }

    /** Records the durations of the incidents not recorded yet. */
    public void observe(Collection<IncidentSummary> incidents) {
        incidents.forEach(incident -> {
            acknowledge.observe(incident);
            resolve.observe(incident);
        });
    }

    private static final class Measure {
        private final DistributionSummary summary;
        private final Function<IncidentSummary, Duration> measure;
        private final Set<UUID> recorded = ConcurrentHashMap.newKeySet();

        Measure(MeterRegistry registry, String name, String description,
                Function<IncidentSummary, Duration> measure) {
            this.summary = DistributionSummary.builder(name).baseUnit("seconds").description(description)
                    .serviceLevelObjectives(BUCKETS).register(registry);
            this.measure = measure;
        }

        void observe(IncidentSummary incident) {
            Duration duration = measure.apply(incident);
            if (duration != null && recorded.add(incident.incidentId())) {
                summary.record(Math.max(0, duration.toMillis()) / 1000.0);
            }
        }
    }
}

package io.commandpost.ingest.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Per-integration intake counters at {@code /q/metrics}: {@code commandpost_ingest_events_total} by
 * outcome (accepted, rejected = refused by back-pressure or an unavailable broker, quarantined =
 * refused as invalid and kept, deduplicated = a repeat of something already accepted) and the gauge
 * {@code commandpost_ingest_in_flight}.
 */
@ApplicationScoped
public class IntakeMetrics {

    public enum Outcome { ACCEPTED, REJECTED, QUARANTINED, DEDUPLICATED }

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();

    IntakeMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void count(String integration, Outcome outcome, int amount) {
        if (amount <= 0) {
            return;
        }
        String name = outcome.name().toLowerCase(java.util.Locale.ROOT);
        counters.computeIfAbsent(integration + '|' + name, key -> Counter.builder("commandpost.ingest.events")
                .description("intake outcomes per integration").tag("integration", tag(integration))
                .tag("outcome", name).register(registry)).increment(amount);
    }

    /** The in-flight counter of an integration (a live gauge). */
    public AtomicInteger inFlight(String integration) {
        return inFlight.computeIfAbsent(integration, key -> {
            AtomicInteger value = new AtomicInteger();
            Gauge.builder("commandpost.ingest.in.flight", value, AtomicInteger::get)
                    .description("durable publishes in flight per integration").tag("integration", tag(key))
                    .register(registry);
            return value;
        });
    }

    private static String tag(String integration) {
        return integration == null ? "none" : integration;
    }
}

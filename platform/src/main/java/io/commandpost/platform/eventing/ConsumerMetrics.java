package io.commandpost.platform.eventing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * How far behind each consumer group is, in time, at {@code /q/metrics} (histograms):
 * {@code commandpost_consumer_lag_seconds{group}} from a record's timestamp (when its producer sent it) to the poll
 * that brought it, and {@code commandpost_consumer_apply_seconds{group}} how long applying one poll took.
 */
@ApplicationScoped
public class ConsumerMetrics {

    private static final Duration LOWEST = Duration.ofNanos(100_000);
    private static final Duration HIGHEST = Duration.ofMinutes(5);

    private final MeterRegistry registry;
    private final Map<String, Timer> lag = new ConcurrentHashMap<>();
    private final Map<String, Timer> apply = new ConcurrentHashMap<>();

    ConsumerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void polled(String group, long recordTimestampMillis, long nowMillis) {
        timer(lag, "commandpost.consumer.lag", "from a record's timestamp to the poll that brought it", group)
                .record(Math.max(0, nowMillis - recordTimestampMillis), TimeUnit.MILLISECONDS);
    }

    void applied(String group, long nanos) {
        timer(apply, "commandpost.consumer.apply", "applying one poll's records", group)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer timer(Map<String, Timer> timers, String name, String description, String group) {
        return timers.computeIfAbsent(group, g -> Timer.builder(name).description(description).tag("group", g)
                .publishPercentileHistogram().minimumExpectedValue(LOWEST).maximumExpectedValue(HIGHEST)
                .register(registry));
    }
}

package io.commandpost.notification.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a delivery's time goes, at {@code /q/metrics} (histograms, so {@code histogram_quantile} gives percentiles):
 * <ul>
 *   <li>{@code commandpost_delivery_commit_seconds{kind}}: from its creation (a page: the moment the paging
 *       transaction decided it) until the transaction that stored it committed, so a lane could see it;</li>
 *   <li>{@code commandpost_delivery_start_seconds{kind}}: from when it fell due (a new page: its creation; a retry:
 *       its backoff's end) until a worker claimed it: how late the lane starts deliveries;</li>
 *   <li>{@code commandpost_delivery_attempt_seconds{kind,channel,outcome}}: one attempt at the receiver (the POST,
 *       the Slack or SMTP call), outcome {@code delivered}, {@code retry} or {@code failed}.</li>
 * </ul>
 */
@ApplicationScoped
public class DeliveryMetrics {

    private static final Duration LOWEST = Duration.ofNanos(100_000);
    private static final Duration HIGHEST = Duration.ofMinutes(5);

    private final MeterRegistry registry;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void committed(DeliveryKind kind, Instant createdAt, Instant now) {
        record("commandpost.delivery.commit", "from a delivery's creation to its transaction's commit",
                between(createdAt, now), "kind", tag(kind));
    }

    void started(Notification claimed, Instant now) {
        Instant due = claimed.nextAttemptAt() != null ? claimed.nextAttemptAt() : claimed.createdAt();
        record("commandpost.delivery.start", "from a delivery falling due to a worker claiming it",
                between(due, now), "kind", tag(claimed.kind()));
    }

    void attempted(Notification notification, AttemptResult result, Duration took) {
        String outcome = result.delivered() ? "delivered" : result.retryable() ? "retry" : "failed";
        record("commandpost.delivery.attempt", "one delivery attempt at the receiver", took,
                "kind", tag(notification.kind()), "channel", String.valueOf(notification.channel()), "outcome", outcome);
    }

    private void record(String name, String description, Duration duration, String... tags) {
        String key = name + String.join("|", tags);
        timers.computeIfAbsent(key, k -> Timer.builder(name).description(description).tags(tags)
                .publishPercentileHistogram().minimumExpectedValue(LOWEST).maximumExpectedValue(HIGHEST)
                .register(registry)).record(duration);
    }

    private static Duration between(Instant from, Instant to) {
        if (from == null || to == null || to.isBefore(from)) {
            return Duration.ZERO;
        }
        return Duration.between(from, to);
    }

    private static String tag(DeliveryKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}

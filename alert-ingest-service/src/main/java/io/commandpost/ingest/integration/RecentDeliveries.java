package io.commandpost.ingest.integration;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this replica answered each integration's webhook calls, newest first: at most {@link #KEEP} per integration,
 * in memory (nothing on the intake's hot path waits for a database write; a restart starts afresh). The counters
 * at {@code /q/metrics} keep the totals.
 */
@ApplicationScoped
public class RecentDeliveries {

    public static final int KEEP = 100;

    /**
     * One webhook call as it was answered.
     *
     * @param outcome   {@code accepted} (2xx) or {@code refused}
     * @param accepted  events accepted, when the answer says
     * @param reason    the refusal's detail (its problem's), null when accepted
     * @param requestId the request id of the answer ({@code X-Request-Id}), to find it in the logs
     */
    public record Delivery(Instant at, String endpoint, int status, String outcome, Integer accepted, String reason,
                           String requestId) {
    }

    private final Map<UUID, Deque<Delivery>> byIntegration = new ConcurrentHashMap<>();

    public void record(UUID integration, Delivery delivery) {
        Deque<Delivery> recent = byIntegration.computeIfAbsent(integration, id -> new ArrayDeque<>());
        synchronized (recent) {
            recent.addFirst(delivery);
            while (recent.size() > KEEP) {
                recent.removeLast();
            }
        }
    }

    /** The newest {@code limit} deliveries of the integration, newest first. */
    public List<Delivery> of(UUID integration, int limit) {
        Deque<Delivery> recent = byIntegration.get(integration);
        if (recent == null) {
            return List.of();
        }
        synchronized (recent) {
            return recent.stream().limit(limit).toList();
        }
    }
}

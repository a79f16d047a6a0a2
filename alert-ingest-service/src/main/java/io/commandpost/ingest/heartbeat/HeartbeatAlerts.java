package io.commandpost.ingest.heartbeat;

import io.commandpost.events.AlertEvent;
import io.commandpost.events.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The alerts a dead-man's switch raises and resolves: pure, one dedup key per integration. */
public final class HeartbeatAlerts {

    public static final String SOURCE = "heartbeat";

    private HeartbeatAlerts() {
    }

    public static String dedupKey(UUID integrationId) {
        return "heartbeat-" + integrationId;
    }

    /** When a switch pinged last at {@code lastPing} becomes overdue. */
    public static Instant dueBy(Instant lastPing, int intervalMinutes) {
        return lastPing.plus(Duration.ofMinutes(intervalMinutes));
    }

    public static AlertEvent.AlertReceived missed(UUID integrationId, String team, String name, Priority priority,
                                                 int intervalMinutes, Instant lastPing, Instant now) {
        return new AlertEvent.AlertReceived(team, integrationId.toString(), SOURCE, dedupKey(integrationId),
                priority != null ? priority : Priority.P3,
                "No heartbeat from " + name + " for more than " + intervalMinutes + " min",
                Map.of("lastPingAt", lastPing.toString(), "intervalMinutes", intervalMinutes),
                Map.of("alertname", "HeartbeatMissed", "integration", name), List.of(),
                dueBy(lastPing, intervalMinutes), now);
    }

    public static AlertEvent.AlertResolved pinged(UUID integrationId, String team, Instant now) {
        return new AlertEvent.AlertResolved(team, integrationId.toString(), SOURCE, dedupKey(integrationId), now, now);
    }
}

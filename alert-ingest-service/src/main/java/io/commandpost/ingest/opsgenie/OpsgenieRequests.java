package io.commandpost.ingest.opsgenie;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What became of recent Opsgenie API requests, for {@code GET /v2/alerts/requests/{requestId}}. Kept by this
 * replica only, for the last {@value #REMEMBERED} requests: Opsgenie itself answers 404 ("might not be
 * processed yet") for what it does not know, and senders poll this only right after a create.
 */
@ApplicationScoped
public class OpsgenieRequests {

    static final int REMEMBERED = 10_000;

    /** The outcome Opsgenie's request-status API reports. */
    public record Status(String integrationId, String action, boolean success, String status, String alertId,
                         String alias, Instant processedAt) {
    }

    private final Map<String, Status> recent = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Status> eldest) {
            return size() > REMEMBERED;
        }
    };

    public synchronized void record(String requestId, Status status) {
        recent.put(requestId, status);
    }

    /** The status of a request made by this integration; empty for another integration's request. */
    public synchronized Optional<Status> find(String requestId, String integrationId) {
        return Optional.ofNullable(recent.get(requestId)).filter(status -> status.integrationId().equals(integrationId));
    }
}

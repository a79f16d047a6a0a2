package io.commandpost.incident.incident.view;

import io.commandpost.events.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** One incident at a glance, as its events made it. {@code version} is the last applied event's. */
public record IncidentSummary(UUID incidentId, String team, String title, Severity severity, String commander,
                              Instant declaredAt, Instant impactStartedAt, Instant acknowledgedAt,
                              Instant mitigatedAt, Instant resolvedAt, long version) {

    public String status() {
        return resolvedAt != null ? "RESOLVED" : mitigatedAt != null ? "MITIGATED" : "OPEN";
    }

    public boolean open() {
        return resolvedAt == null;
    }

    /** From the impact's start, like the postmortem; null until acknowledged. */
    public Duration timeToAcknowledge() {
        return acknowledgedAt == null ? null : Duration.between(impactStartedAt, acknowledgedAt);
    }

    public Duration timeToResolve() {
        return resolvedAt == null ? null : Duration.between(impactStartedAt, resolvedAt);
    }
}

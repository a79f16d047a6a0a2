package io.commandpost.incident.incident.view;

import io.commandpost.events.IncidentEvent;
import java.util.Optional;

/**
 * How an incident's events change its summary: a pure fold. An event whose version is not newer than the
 * summary's changes nothing (a redelivery or a replay).
 */
public final class IncidentSummaryEvolution {

    private IncidentSummaryEvolution() {
    }

    public static Optional<IncidentSummary> evolve(Optional<IncidentSummary> current, IncidentEvent event,
                                                   long version) {
        if (current.isPresent() && version <= current.get().version()) {
            return current;
        }
        if (event instanceof IncidentEvent.IncidentDeclared e) {
            return Optional.of(new IncidentSummary(e.incidentId(), e.team(), e.title(), severityOf(e), e.declaredBy(),
                    e.declaredAt(), e.impactStartedAt() != null ? e.impactStartedAt() : e.declaredAt(), null, null,
                    null, version));
        }
        if (current.isEmpty()) {
            return current;
        }
        IncidentSummary s = current.get();
        if (event instanceof IncidentEvent.IncidentCommanderAssigned e) {
            return Optional.of(new IncidentSummary(s.incidentId(), s.team(), s.title(), s.severity(), e.commander(),
                    s.declaredAt(), s.impactStartedAt(), s.acknowledgedAt(), s.mitigatedAt(), s.resolvedAt(), version));
        }
        if (event instanceof IncidentEvent.IncidentSeverityChanged e) {
            return Optional.of(new IncidentSummary(s.incidentId(), s.team(), s.title(), e.to(), s.commander(),
                    s.declaredAt(), s.impactStartedAt(), s.acknowledgedAt(), s.mitigatedAt(), s.resolvedAt(), version));
        }
        if (event instanceof IncidentEvent.IncidentAcknowledged e) {
            return Optional.of(new IncidentSummary(s.incidentId(), s.team(), s.title(), s.severity(), s.commander(),
                    s.declaredAt(), s.impactStartedAt(), first(s.acknowledgedAt(), e.acknowledgedAt()),
                    s.mitigatedAt(), s.resolvedAt(), version));
        }
        if (event instanceof IncidentEvent.IncidentMitigated e) {
            return Optional.of(new IncidentSummary(s.incidentId(), s.team(), s.title(), s.severity(), s.commander(),
                    s.declaredAt(), s.impactStartedAt(), s.acknowledgedAt(), first(s.mitigatedAt(), e.mitigatedAt()),
                    s.resolvedAt(), version));
        }
        if (event instanceof IncidentEvent.IncidentResolved e) {
            return Optional.of(new IncidentSummary(s.incidentId(), s.team(), s.title(), s.severity(), s.commander(),
                    s.declaredAt(), s.impactStartedAt(), s.acknowledgedAt(), s.mitigatedAt(), e.resolvedAt(),
                    version));
        }
        return Optional.of(new IncidentSummary(s.incidentId(), s.team(), s.title(), s.severity(), s.commander(),
                s.declaredAt(), s.impactStartedAt(), s.acknowledgedAt(), s.mitigatedAt(), s.resolvedAt(), version));
    }

    private static java.time.Instant first(java.time.Instant kept, java.time.Instant candidate) {
        return kept != null ? kept : candidate;
    }

    /** A schema-1 declaration has no severity: its priority stands for it (P1 → SEV1 … P4 and P5 → SEV4). */
    static io.commandpost.events.Severity severityOf(IncidentEvent.IncidentDeclared e) {
        if (e.severity() != null) {
            return e.severity();
        }
        int rank = e.priority() == null ? 3 : Math.min(e.priority().ordinal(), 3);
        return io.commandpost.events.Severity.values()[rank];
    }
}

package io.commandpost.incident.incident.api;

import io.commandpost.events.Severity;
import io.commandpost.incident.incident.Incident;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An incident as the API shows it. */
public record IncidentView(
        UUID incidentId,
        String team,
        String title,
        Severity severity,
        String status,
        String declaredBy,
        Instant impactStartedAt,
        String commander,
        List<String> alertKeys,
        UUID questionId,
        Milestones milestones,
        Instant nextUpdateDueAt,
        List<Incident.RoleTerm> roles,
        List<TaskView> tasks,
        List<Incident.StatusUpdate> updates,
        long version) {

    public record Milestones(Instant declaredAt, Instant acknowledgedAt, Instant mitigatedAt, Instant resolvedAt) {
    }

    /** A task; {@code closedBy}/{@code closedAt} say who finished (or cancelled) it and when. */
    public record TaskView(UUID taskId, String title, String assignee, String delegatedBy, Instant delegatedAt,
                           Instant dueAt, String status, String closedBy, Instant closedAt, String cancelReason,
                           int reminders) {
    }

    public static IncidentView of(Incident incident, Instant nextUpdateDueAt) {
        String status = incident.resolved() ? "RESOLVED" : incident.mitigatedAt() != null ? "MITIGATED" : "OPEN";
        return new IncidentView(incident.incidentId(), incident.team(), incident.title(), incident.severity(), status,
                incident.declaredBy(), incident.impactStartedAt(), incident.commander(), incident.alertKeys(),
                incident.questionId(), new Milestones(incident.declaredAt(), incident.acknowledgedAt(),
                        incident.mitigatedAt(), incident.resolvedAt()),
                incident.resolved() ? null : nextUpdateDueAt, incident.roles(),
                incident.tasks().values().stream().map(t -> new TaskView(t.taskId(), t.title(), t.assignee(),
                        t.delegatedBy(), t.delegatedAt(), t.dueAt(), t.status().name(), t.closedBy(), t.closedAt(),
                        t.cancelReason(), t.reminders())).toList(),
                incident.updates(), incident.version());
    }
}

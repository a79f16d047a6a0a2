package io.commandpost.incident.incident;

import io.commandpost.events.IncidentEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Everything that happened to an incident, in order, one readable line per event. */
public final class Timeline {

    /**
     * @param type  the event's stable type name ({@code incident.task-delegated} …)
     * @param actor who did it; null for a reminder the incident's timers raised
     */
    public record Entry(Instant at, String type, String actor, String text) {
    }

    private Timeline() {
    }

    public static List<Entry> of(List<? extends IncidentEvent> events) {
        List<Entry> entries = new ArrayList<>(events.size());
        for (IncidentEvent event : events) {
            entries.add(entry(event));
        }
        entries.sort(Comparator.comparing(Entry::at)); // stable: events of one instant keep their order
        return List.copyOf(entries);
    }

    static Entry entry(IncidentEvent event) {
        String type = io.commandpost.events.EventTypes.of(event).name();
        if (event instanceof IncidentEvent.IncidentDeclared e) {
            String from = e.alertKeys() != null && !e.alertKeys().isEmpty() ? " from alerts " + String.join(", ",
                    e.alertKeys()) : e.questionId() != null ? " from question " + e.questionId() : "";
            return new Entry(e.declaredAt(), type, e.declaredBy(), "Declared " + e.severity() + " '" + e.title() + "'"
                    + from);
        }
        if (event instanceof IncidentEvent.IncidentCommanderAssigned e) {
            return new Entry(e.assignedAt(), type, e.assignedBy(), e.commander() + " is Incident Commander");
        }
        if (event instanceof IncidentEvent.IncidentRoleAssigned e) {
            return new Entry(e.assignedAt(), type, e.assignedBy(), e.person() + " is " + role(e.role()));
        }
        if (event instanceof IncidentEvent.IncidentRoleReleased e) {
            return new Entry(e.releasedAt(), type, e.releasedBy(), e.person() + " is no longer " + role(e.role()));
        }
        if (event instanceof IncidentEvent.TaskDelegated e) {
            return new Entry(e.delegatedAt(), type, e.delegatedBy(), "Task '" + e.description() + "' delegated to "
                    + e.assignee() + ", due " + e.dueAt());
        }
        if (event instanceof IncidentEvent.TaskReassigned e) {
            return new Entry(e.reassignedAt(), type, e.reassignedBy(), "Task " + e.taskId() + " reassigned to "
                    + e.assignee());
        }
        if (event instanceof IncidentEvent.TaskStarted e) {
            return new Entry(e.startedAt(), type, e.startedBy(), "Task " + e.taskId() + " in progress");
        }
        if (event instanceof IncidentEvent.TaskCompleted e) {
            return new Entry(e.completedAt(), type, e.completedBy(), "Task " + e.taskId() + " done");
        }
        if (event instanceof IncidentEvent.TaskCancelled e) {
            return new Entry(e.cancelledAt(), type, e.cancelledBy(), "Task " + e.taskId() + " cancelled: "
                    + e.reason());
        }
        if (event instanceof IncidentEvent.TaskOverdue e) {
            return new Entry(e.remindedAt(), type, null, "Task " + e.taskId() + " of " + e.assignee()
                    + " overdue since " + e.dueAt() + " (reminder " + e.reminder() + ")");
        }
        if (event instanceof IncidentEvent.StatusUpdatePosted e) {
            return new Entry(e.postedAt(), type, e.postedBy(), (e.audience() == IncidentEvent.Audience.EXTERNAL
                    ? "External" : "Internal") + " update: " + e.text());
        }
        if (event instanceof IncidentEvent.StatusUpdateDue e) {
            return new Entry(e.remindedAt(), type, null, "Status update due since " + e.dueAt());
        }
        if (event instanceof IncidentEvent.IncidentAcknowledged e) {
            return new Entry(e.acknowledgedAt(), type, e.acknowledgedBy(), "Acknowledged");
        }
        if (event instanceof IncidentEvent.IncidentSeverityChanged e) {
            return new Entry(e.changedAt(), type, e.changedBy(), "Severity " + e.from() + " → " + e.to()
                    + (e.reason() == null ? "" : ": " + e.reason()));
        }
        if (event instanceof IncidentEvent.IncidentMitigated e) {
            return new Entry(e.mitigatedAt(), type, e.mitigatedBy(), "Mitigated"
                    + (e.note() == null ? "" : ": " + e.note()));
        }
        IncidentEvent.IncidentResolved e = (IncidentEvent.IncidentResolved) event;
        return new Entry(e.resolvedAt(), type, e.resolvedBy(), "Resolved" + (e.summary() == null ? ""
                : ": " + e.summary()));
    }

    static String role(IncidentEvent.Role role) {
        return switch (role) {
            case COMMUNICATIONS_LEAD -> "communications lead";
            case SCRIBE -> "scribe";
            case EXPERT -> "expert";
        };
    }
}

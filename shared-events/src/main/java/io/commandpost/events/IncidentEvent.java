package io.commandpost.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Incidents: declaration, roles and their holders, the tasks the commander delegates, status updates,
 * milestones and the reminders their timers raise.
 */
public sealed interface IncidentEvent extends DomainEvent {

    UUID incidentId();

    @Override
    default String aggregateId() {
        return incidentId().toString();
    }

    /** The roles of an incident besides its commander, who is recorded by {@link IncidentCommanderAssigned}. */
    enum Role { COMMUNICATIONS_LEAD, SCRIBE, EXPERT }

    /** Who an update is for: the responders and the company, or customers. */
    enum Audience { INTERNAL, EXTERNAL }

    /**
     * An incident was declared, by hand, from alerts or from a question. {@code priority} is the
     * severity's priority (kept for readers of schema 1).
     *
     * @param severity   null only in events written before severities existed
     * @param alertKeys  dedup keys of the alerts it was declared from; they stay linked
     * @param questionId the question it was turned from, or null
     * @param impactStartedAt when the trouble began: the earliest start of the linked alerts, the time the
     *                        question was asked, or the declaration itself
     */
    record IncidentDeclared(
            UUID incidentId,
            String team,
            String title,
            Priority priority,
            String declaredBy,
            Instant declaredAt,
            Severity severity,
            List<String> alertKeys,
            UUID questionId,
            Instant impactStartedAt) implements IncidentEvent {

        public IncidentDeclared(UUID incidentId, String team, String title, Priority priority, String declaredBy,
                                Instant declaredAt) {
            this(incidentId, team, title, priority, declaredBy, declaredAt, null, List.of(), null, declaredAt);
        }
    }

    /** Command passed to {@code commander}: at declaration to the declarer, later only by an explicit hand-off. */
    record IncidentCommanderAssigned(
            UUID incidentId,
            String commander,
            String assignedBy,
            Instant assignedAt) implements IncidentEvent {
    }

    /** Someone took a role (communications lead, scribe, expert); a lead or scribe replaces the previous holder. */
    record IncidentRoleAssigned(
            UUID incidentId,
            Role role,
            String person,
            String assignedBy,
            Instant assignedAt) implements IncidentEvent {
    }

    /** Someone stopped holding a role. */
    record IncidentRoleReleased(
            UUID incidentId,
            Role role,
            String person,
            String releasedBy,
            Instant releasedAt) implements IncidentEvent {
    }

    /** The commander delegated a task; {@code description} is its title. */
    record TaskDelegated(
            UUID incidentId,
            UUID taskId,
            String assignee,
            String delegatedBy,
            String description,
            Instant dueAt,
            Instant delegatedAt) implements IncidentEvent {
    }

    /** A task went to someone else. */
    record TaskReassigned(
            UUID incidentId,
            UUID taskId,
            String assignee,
            String reassignedBy,
            Instant reassignedAt) implements IncidentEvent {
    }

    /** The assignee started working on a task. */
    record TaskStarted(
            UUID incidentId,
            UUID taskId,
            String startedBy,
            Instant startedAt) implements IncidentEvent {
    }

    /** A task was done. */
    record TaskCompleted(
            UUID incidentId,
            UUID taskId,
            String completedBy,
            Instant completedAt) implements IncidentEvent {
    }

    /** A task was dropped. */
    record TaskCancelled(
            UUID incidentId,
            UUID taskId,
            String cancelledBy,
            String reason,
            Instant cancelledAt) implements IncidentEvent {
    }

    /** A task passed its due time unfinished: a reminder to its assignee (raised again at an interval). */
    record TaskOverdue(
            UUID incidentId,
            UUID taskId,
            String assignee,
            Instant dueAt,
            int reminder,
            Instant remindedAt) implements IncidentEvent {
    }

    /** The commander or the communications lead posted a status update. */
    record StatusUpdatePosted(
            UUID incidentId,
            Audience audience,
            String text,
            String postedBy,
            Instant postedAt,
            Instant nextUpdateDueAt) implements IncidentEvent {
    }

    /** The next status update was due and nobody posted one: a reminder to the commander and comms lead. */
    record StatusUpdateDue(
            UUID incidentId,
            String commander,
            String communicationsLead,
            Instant dueAt,
            Instant remindedAt) implements IncidentEvent {
    }

    /** A responder acknowledged the incident (milestone). */
    record IncidentAcknowledged(
            UUID incidentId,
            String team,
            String acknowledgedBy,
            Instant acknowledgedAt) implements IncidentEvent {
    }

    /** The severity changed. */
    record IncidentSeverityChanged(
            UUID incidentId,
            String team,
            Severity from,
            Severity to,
            String changedBy,
            String reason,
            Instant changedAt) implements IncidentEvent {
    }

    /** The impact stopped (milestone); the cause may still be there. */
    record IncidentMitigated(
            UUID incidentId,
            String team,
            String mitigatedBy,
            String note,
            Instant mitigatedAt) implements IncidentEvent {
    }

    /** The incident is over (milestone); it leaves the queue. */
    record IncidentResolved(
            UUID incidentId,
            String team,
            String resolvedBy,
            String summary,
            Instant resolvedAt) implements IncidentEvent {
    }
}

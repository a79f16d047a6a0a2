package io.commandpost.events;

import java.time.Instant;
import java.util.UUID;

/** Incidents, their commander and the tasks the commander delegates. */
public sealed interface IncidentEvent extends DomainEvent {

    UUID incidentId();

    @Override
    default String aggregateId() {
        return incidentId().toString();
    }

    record IncidentDeclared(
            UUID incidentId,
            String team,
            String title,
            Priority priority,
            String declaredBy,
            Instant declaredAt) implements IncidentEvent {
    }

    record IncidentCommanderAssigned(
            UUID incidentId,
            String commander,
            String assignedBy,
            Instant assignedAt) implements IncidentEvent {
    }

    record TaskDelegated(
            UUID incidentId,
            UUID taskId,
            String assignee,
            String delegatedBy,
            String description,
            Instant dueAt,
            Instant delegatedAt) implements IncidentEvent {
    }
}

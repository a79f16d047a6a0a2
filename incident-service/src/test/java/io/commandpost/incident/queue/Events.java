package io.commandpost.incident.queue;

import io.commandpost.events.AlertEvent;
import io.commandpost.events.DomainEvent;
import io.commandpost.events.IncidentEvent;
import io.commandpost.events.Priority;
import io.commandpost.events.QuestionEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Test events with fixed instants: minute {@code m} is {@code T0 + m minutes}. */
final class Events {

    static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");

    private Events() {
    }

    static Instant at(int minute) {
        return T0.plusSeconds(60L * minute);
    }

    static AlertEvent.AlertReceived fired(String team, String dedupKey, Priority priority, int startsAtMinute) {
        return fired(team, dedupKey, priority, startsAtMinute, dedupKey + " is failing");
    }

    static AlertEvent.AlertReceived fired(String team, String dedupKey, Priority priority, int startsAtMinute,
                                          String summary) {
        return new AlertEvent.AlertReceived(team, "prom", "alertmanager", dedupKey, priority, summary, Map.of(),
                Map.of(), List.of(), at(startsAtMinute), at(startsAtMinute + 1));
    }

    static AlertEvent.AlertResolved resolved(String team, String dedupKey, int endsAtMinute) {
        return new AlertEvent.AlertResolved(team, "prom", "alertmanager", dedupKey, at(endsAtMinute),
                at(endsAtMinute + 1));
    }

    static AlertEvent.AlertAcknowledged acknowledged(String team, String dedupKey, int receivedAtMinute) {
        return new AlertEvent.AlertAcknowledged(team, "pagerduty", "pd-events-v2", dedupKey, at(receivedAtMinute));
    }

    static QuestionEvent.QuestionAsked asked(String team, UUID questionId, String text, int minute) {
        return new QuestionEvent.QuestionAsked(questionId, team, "api", "bob", text, null, at(minute));
    }

    static IncidentEvent.IncidentDeclared declared(String team, UUID incidentId, Priority priority, int minute) {
        return new IncidentEvent.IncidentDeclared(incidentId, team, "checkout down", priority, "alice", at(minute));
    }

    /** Folds events into the items they touch, like the projection does row by row. */
    static Map<ItemKey, QueueItem> fold(List<? extends DomainEvent> events) {
        Map<ItemKey, QueueItem> items = new java.util.HashMap<>();
        for (DomainEvent event : events) {
            QueueEvolution.keyOf(event).ifPresent(key -> QueueEvolution
                    .evolve(Optional.ofNullable(items.get(key)), event)
                    .ifPresent(item -> items.put(key, item)));
        }
        return items;
    }
}

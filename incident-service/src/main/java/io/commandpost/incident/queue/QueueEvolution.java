package io.commandpost.incident.queue;

import io.commandpost.events.AlertEvent;
import io.commandpost.events.DomainEvent;
import io.commandpost.events.IncidentEvent;
import io.commandpost.events.Priority;
import io.commandpost.events.QuestionEvent;
import java.time.Instant;
import java.util.Optional;

/**
 * How events change the queue: a pure fold over the events of one item, in their order. Items never
 * depend on one another, so the queue is the same whatever the interleaving of different items.
 */
public final class QueueEvolution {

    private QueueEvolution() {
    }

    /** The item an event concerns, or empty when it does not concern the queue. */
    public static Optional<ItemKey> keyOf(DomainEvent event) {
        if (event instanceof AlertEvent alert) {
            return Optional.of(new ItemKey(alert.team(), ItemKind.ALERT, alert.dedupKey()));
        }
        if (event instanceof QuestionEvent.QuestionAsked asked) {
            return Optional.of(new ItemKey(asked.team(), ItemKind.QUESTION, idOf(asked.questionId())));
        }
        if (event instanceof QuestionEvent.QuestionAnswered answered) {
            return Optional.of(new ItemKey(answered.team(), ItemKind.QUESTION, idOf(answered.questionId())));
        }
        if (event instanceof QuestionEvent.QuestionClosed closed) {
            return Optional.of(new ItemKey(closed.team(), ItemKind.QUESTION, idOf(closed.questionId())));
        }
        if (event instanceof QuestionEvent.QuestionTurnedIntoIncident turned) {
            return Optional.of(new ItemKey(turned.team(), ItemKind.QUESTION, idOf(turned.questionId())));
        }
        if (event instanceof IncidentEvent.IncidentDeclared declared) {
            return Optional.of(new ItemKey(declared.team(), ItemKind.INCIDENT, idOf(declared.incidentId())));
        }
        if (event instanceof IncidentEvent.IncidentSeverityChanged changed) {
            return Optional.of(new ItemKey(changed.team(), ItemKind.INCIDENT, idOf(changed.incidentId())));
        }
        if (event instanceof IncidentEvent.IncidentResolved resolved) {
            return Optional.of(new ItemKey(resolved.team(), ItemKind.INCIDENT, idOf(resolved.incidentId())));
        }
        return Optional.empty();
    }

    private static String idOf(Object id) {
        return id == null ? null : id.toString();
    }

    /** The item after the event; {@code current} is the item of {@link #keyOf(DomainEvent)} so far. */
    public static Optional<QueueItem> evolve(Optional<QueueItem> current, DomainEvent event) {
        Optional<ItemKey> key = keyOf(event);
        if (key.isEmpty()) {
            return current;
        }
        if (event instanceof AlertEvent.AlertReceived received) {
            return Optional.of(received(key.get(), current, received));
        }
        if (event instanceof AlertEvent.AlertResolved resolved) {
            return Optional.of(resolved(key.get(), current, resolved));
        }
        if (event instanceof AlertEvent.AlertAcknowledged acknowledged) {
            return current.map(item -> acknowledged(item, acknowledged));
        }
        if (event instanceof QuestionEvent.QuestionAnswered answered) {
            return current.map(item -> closed(item, answered.answeredAt()));
        }
        if (event instanceof QuestionEvent.QuestionClosed closed) {
            return current.map(item -> closed(item, closed.closedAt()));
        }
        if (event instanceof QuestionEvent.QuestionTurnedIntoIncident turned) {
            return current.map(item -> closed(item, turned.turnedAt()));
        }
        if (event instanceof IncidentEvent.IncidentResolved resolved) {
            return current.map(item -> closed(item, resolved.resolvedAt()));
        }
        if (event instanceof IncidentEvent.IncidentSeverityChanged changed) {
            return current.map(item -> !item.isOpen() || changed.to() == null ? item : new QueueItem(item.key(),
                    item.status(), changed.to().priority(), item.summary(), item.asker(), item.openedAt(),
                    item.occurrences(), item.lastStartsAt(), item.closedAt(), item.acknowledgedAt()));
        }
        if (current.isPresent()) {
            return current; // questions and incidents open once; a re-delivery changes nothing
        }
        if (event instanceof QuestionEvent.QuestionAsked asked) {
            return Optional.of(new QueueItem(key.get(), ItemStatus.OPEN, null, asked.text(), asked.asker(),
                    asked.askedAt(), 1, null, null, null));
        }
        if (event instanceof IncidentEvent.IncidentDeclared declared) {
            return Optional.of(new QueueItem(key.get(), ItemStatus.OPEN, declared.priority(), declared.title(),
                    declared.declaredBy(), declared.declaredAt(), 1, null, null, null));
        }
        return current;
    }

    /** An answered, closed or converted question, a resolved incident: it leaves the queue, once. */
    private static QueueItem closed(QueueItem item, Instant at) {
        if (!item.isOpen()) {
            return item;
        }
        return new QueueItem(item.key(), ItemStatus.RESOLVED, item.priority(), item.summary(), item.asker(),
                item.openedAt(), item.occurrences(), item.lastStartsAt(), at, item.acknowledgedAt());
    }

    private static QueueItem received(ItemKey key, Optional<QueueItem> current, AlertEvent.AlertReceived received) {
        Instant startsAt = received.startsAt() != null ? received.startsAt() : received.receivedAt();
        if (current.isEmpty()) {
            return newOccurrence(key, received, startsAt);
        }
        QueueItem item = current.get();
        if (item.isOpen()) {
            return new QueueItem(key, ItemStatus.OPEN, mostUrgent(item.priority(), received.priority()),
                    received.summary() != null ? received.summary() : item.summary(), null, item.openedAt(),
                    item.occurrences() + 1, latest(item.lastStartsAt(), startsAt), null, item.acknowledgedAt());
        }
        // Resolved: only a firing that starts after the resolved occurrence is a new one; anything
        // else is a late copy of what was already resolved. With no firing seen, the resolve's end is the bound.
        Instant bound = item.lastStartsAt() != null ? item.lastStartsAt() : item.closedAt();
        if (bound != null && startsAt != null && !startsAt.isAfter(bound)) {
            return item;
        }
        return newOccurrence(key, received, startsAt);
    }

    private static QueueItem resolved(ItemKey key, Optional<QueueItem> current, AlertEvent.AlertResolved resolved) {
        Instant endsAt = resolved.endsAt() != null ? resolved.endsAt() : resolved.receivedAt();
        if (current.isEmpty()) {
            return new QueueItem(key, ItemStatus.RESOLVED, null, null, null, null, 0, null, endsAt, null);
        }
        QueueItem item = current.get();
        Instant closedAt = item.isOpen() ? endsAt : latest(item.closedAt(), endsAt);
        return new QueueItem(key, ItemStatus.RESOLVED, item.priority(), item.summary(), item.asker(),
                item.openedAt(), item.occurrences(), item.lastStartsAt(), closedAt, item.acknowledgedAt());
    }

    /**
     * Like PagerDuty: only an open alert can be acknowledged, and it stays in the queue. The first
     * acknowledge of an occurrence is the one kept, so a repeat or a re-delivery changes nothing.
     */
    private static QueueItem acknowledged(QueueItem item, AlertEvent.AlertAcknowledged acknowledged) {
        if (!item.isOpen() || item.isAcknowledged()) {
            return item;
        }
        return new QueueItem(item.key(), item.status(), item.priority(), item.summary(), item.asker(),
                item.openedAt(), item.occurrences(), item.lastStartsAt(), item.closedAt(), acknowledged.receivedAt());
    }

    private static QueueItem newOccurrence(ItemKey key, AlertEvent.AlertReceived received, Instant startsAt) {
        return new QueueItem(key, ItemStatus.OPEN, received.priority(), received.summary(), null, startsAt, 1,
                startsAt, null, null); // a new occurrence starts unacknowledged
    }

    private static Priority mostUrgent(Priority a, Priority b) {
        if (a == null || b == null) {
            return a != null ? a : b;
        }
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null || b == null) {
            return a != null ? a : b;
        }
        return a.isAfter(b) ? a : b;
    }
}

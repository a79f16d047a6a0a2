package io.commandpost.incident.queue;

import io.commandpost.events.AlertEvent;
import io.commandpost.events.DomainEvent;
import io.commandpost.events.IncidentEvent;
import io.commandpost.events.QuestionEvent;
import io.commandpost.events.lifecycle.AlertLifecycle;
import io.commandpost.events.lifecycle.AlertState;
import io.commandpost.events.lifecycle.AlertStatus;
import java.util.Optional;

/**
 * How events change the queue: a pure fold over the events of one item, in their order. Items never
 * depend on one another, so the queue is the same whatever the interleaving of different items. Alert
 * items follow the one shared {@link AlertLifecycle}.
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
        if (event instanceof AlertEvent alert) {
            AlertState before = current.map(QueueEvolution::alertState).orElse(null);
            AlertState after = AlertLifecycle.evolve(before, alert);
            if (after == before) {
                return current;
            }
            return Optional.ofNullable(after).map(state -> item(key.get(), state));
        }
        if (event instanceof QuestionEvent.QuestionAnswered answered) {
            return current.map(item -> closed(item, answered.answeredAt(), answered.answeredBy()));
        }
        if (event instanceof QuestionEvent.QuestionClosed closed) {
            return current.map(item -> closed(item, closed.closedAt(), closed.closedBy()));
        }
        if (event instanceof QuestionEvent.QuestionTurnedIntoIncident turned) {
            return current.map(item -> closed(item, turned.turnedAt(), turned.turnedBy()));
        }
        if (event instanceof IncidentEvent.IncidentResolved resolved) {
            return current.map(item -> closed(item, resolved.resolvedAt(), resolved.resolvedBy()));
        }
        if (event instanceof IncidentEvent.IncidentSeverityChanged changed) {
            return current.map(item -> !item.isOpen() || changed.to() == null ? item : new QueueItem(item.key(),
                    item.status(), changed.to().priority(), item.summary(), item.asker(), item.openedAt(),
                    item.occurrences(), item.lastStartsAt(), item.closedAt(), item.acknowledgedAt(),
                    item.acknowledgedBy(), item.resolvedBy()));
        }
        if (current.isPresent()) {
            return current; // questions and incidents open once; a re-delivery changes nothing
        }
        if (event instanceof QuestionEvent.QuestionAsked asked) {
            return Optional.of(new QueueItem(key.get(), ItemStatus.OPEN, null, asked.text(), asked.asker(),
                    asked.askedAt(), 1, null, null, null, null, null));
        }
        if (event instanceof IncidentEvent.IncidentDeclared declared) {
            return Optional.of(new QueueItem(key.get(), ItemStatus.OPEN, declared.priority(), declared.title(),
                    declared.declaredBy(), declared.declaredAt(), 1, null, null, null, null, null));
        }
        return current;
    }

    /** An answered, closed or converted question, a resolved incident: it leaves the queue, once. */
    private static QueueItem closed(QueueItem item, java.time.Instant at, String by) {
        if (!item.isOpen()) {
            return item;
        }
        return new QueueItem(item.key(), ItemStatus.RESOLVED, item.priority(), item.summary(), item.asker(),
                item.openedAt(), item.occurrences(), item.lastStartsAt(), at, item.acknowledgedAt(),
                item.acknowledgedBy(), by);
    }

    /** The queue's row of an alert: what the lifecycle knows, minus notes and escalations (not shown). */
    static QueueItem item(ItemKey key, AlertState state) {
        return new QueueItem(key, state.isOpen() ? ItemStatus.OPEN : ItemStatus.RESOLVED, state.priority(),
                state.summary(), null, state.openedAt(), state.firings(), state.lastStartsAt(), state.resolvedAt(),
                state.acknowledgedAt(), state.acknowledgedBy(), state.resolvedBy());
    }

    /** The lifecycle state a stored row stands for (an alert with firings has had at least one occurrence). */
    static AlertState alertState(QueueItem item) {
        return new AlertState(item.team(), item.id(), item.isOpen() ? AlertStatus.OPEN : AlertStatus.RESOLVED,
                item.occurrences() == 0 ? 0 : 1, item.openedAt(), item.lastStartsAt(), item.occurrences(),
                item.priority(), item.summary(), item.acknowledgedAt(), item.acknowledgedBy(), item.closedAt(),
                item.resolvedBy(), 0, null, null);
    }
}

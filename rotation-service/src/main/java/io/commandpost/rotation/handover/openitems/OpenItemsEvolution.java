package io.commandpost.rotation.handover.openitems;

import io.commandpost.events.AlertEvent;
import io.commandpost.events.DomainEvent;
import io.commandpost.events.IncidentEvent;
import io.commandpost.events.QuestionEvent;
import io.commandpost.events.lifecycle.AlertLifecycle;
import io.commandpost.events.lifecycle.AlertState;
import io.commandpost.events.lifecycle.AlertStatus;
import io.commandpost.rotation.handover.openitems.OpenItem.Key;
import io.commandpost.rotation.handover.openitems.OpenItem.Kind;
import java.time.Instant;
import java.util.Optional;

/**
 * How events open and close items: a pure fold over the events of one item in their order (all of
 * one alert's events share a partition). Items never depend on one another, so the result is the
 * same whatever the interleaving of different items. Alerts follow the one shared {@link AlertLifecycle}.
 */
public final class OpenItemsEvolution {

    private OpenItemsEvolution() {
    }

    /** The item an event concerns; empty when it does not concern the queue. */
    public static Optional<Key> keyOf(DomainEvent event) {
        if (event instanceof AlertEvent alert) {
            return key(alert.team(), Kind.ALERT, alert.dedupKey());
        }
        if (event instanceof QuestionEvent.QuestionAsked asked) {
            return key(asked.team(), Kind.QUESTION, asked.questionId());
        }
        if (event instanceof IncidentEvent.IncidentDeclared declared) {
            return key(declared.team(), Kind.INCIDENT, declared.incidentId());
        }
        return Optional.empty();
    }

    private static Optional<Key> key(String team, Kind kind, Object id) {
        if (team == null || team.isBlank() || id == null || id.toString().isBlank()) {
            throw new IllegalArgumentException(kind + " event without a team or an id");
        }
        return Optional.of(new Key(team, kind, id.toString()));
    }

    /** The item after {@code event}; {@code current} is the item of {@link #keyOf} so far. */
    public static Optional<OpenItem> evolve(Optional<OpenItem> current, DomainEvent event) {
        Optional<Key> key = keyOf(event);
        if (key.isEmpty()) {
            return current;
        }
        if (event instanceof AlertEvent alert) {
            AlertState before = current.map(OpenItemsEvolution::alertState).orElse(null);
            AlertState after = AlertLifecycle.evolve(before, alert);
            if (after == before) {
                return current;
            }
            return Optional.ofNullable(after).map(state -> new OpenItem(key.get().team(), Kind.ALERT,
                    key.get().itemId(), state.isOpen(), state.openedAt(), state.lastStartsAt(), state.resolvedAt(),
                    state.resolvedBy()));
        }
        if (current.isPresent()) {
            return current; // questions and incidents open once
        }
        if (event instanceof QuestionEvent.QuestionAsked asked) {
            return Optional.of(opened(key.get(), asked.askedAt()));
        }
        if (event instanceof IncidentEvent.IncidentDeclared declared) {
            return Optional.of(opened(key.get(), declared.declaredAt()));
        }
        return current;
    }

    private static OpenItem opened(Key key, Instant at) {
        return new OpenItem(key.team(), key.kind(), key.itemId(), true, at, null, null, null);
    }

    /**
     * The lifecycle state a stored item stands for. Only what open items keep matters (open, start times,
     * who closed it); acknowledgements do not change whether an item is open.
     */
    static AlertState alertState(OpenItem item) {
        return new AlertState(item.team(), item.itemId(), item.open() ? AlertStatus.OPEN : AlertStatus.RESOLVED,
                item.openedAt() == null ? 0 : 1, item.openedAt(), item.lastStartsAt(), item.openedAt() == null ? 0 : 1,
                null, null, null, null, item.closedAt(), item.resolvedBy(), 0, null, null);
    }
}

package io.commandpost.rotation.handover.openitems;

import io.commandpost.events.AlertEvent;
import io.commandpost.events.DomainEvent;
import io.commandpost.events.IncidentEvent;
import io.commandpost.events.QuestionEvent;
import io.commandpost.rotation.handover.openitems.OpenItem.Key;
import io.commandpost.rotation.handover.openitems.OpenItem.Kind;
import java.time.Instant;
import java.util.Optional;

/**
 * How events open and close items: a pure fold over the events of one item in their order (all of
 * one alert's events share a partition). Items never depend on one another, so the result is the
 * same whatever the interleaving of different items.
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
        if (event instanceof AlertEvent.AlertReceived received) {
            return Optional.of(received(key.get(), current, received));
        }
        if (event instanceof AlertEvent.AlertResolved resolved) {
            return Optional.of(resolved(key.get(), current, resolved));
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
        return new OpenItem(key.team(), key.kind(), key.itemId(), true, at, null, null);
    }

    private static OpenItem received(Key key, Optional<OpenItem> current, AlertEvent.AlertReceived received) {
        Instant startsAt = received.startsAt() != null ? received.startsAt() : received.receivedAt();
        if (current.isEmpty()) {
            return firing(key, startsAt);
        }
        OpenItem item = current.get();
        if (item.open()) {
            return new OpenItem(key.team(), key.kind(), key.itemId(), true, item.openedAt(),
                    latest(item.lastStartsAt(), startsAt), null);
        }
        // closed: only a firing that starts after the resolved one is new; anything else is a late copy
        Instant bound = item.lastStartsAt() != null ? item.lastStartsAt() : item.closedAt();
        if (bound != null && startsAt != null && !startsAt.isAfter(bound)) {
            return item;
        }
        return firing(key, startsAt);
    }

    private static OpenItem resolved(Key key, Optional<OpenItem> current, AlertEvent.AlertResolved resolved) {
        Instant endsAt = resolved.endsAt() != null ? resolved.endsAt() : resolved.receivedAt();
        if (current.isEmpty()) {
            return new OpenItem(key.team(), key.kind(), key.itemId(), false, null, null, endsAt);
        }
        OpenItem item = current.get();
        Instant closedAt = item.open() ? endsAt : latest(item.closedAt(), endsAt);
        return new OpenItem(key.team(), key.kind(), key.itemId(), false, item.openedAt(), item.lastStartsAt(),
                closedAt);
    }

    private static OpenItem firing(Key key, Instant startsAt) {
        return new OpenItem(key.team(), key.kind(), key.itemId(), true, startsAt, startsAt, null);
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null || b == null) {
            return a != null ? a : b;
        }
        return a.isAfter(b) ? a : b;
    }
}

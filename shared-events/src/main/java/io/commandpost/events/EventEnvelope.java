package io.commandpost.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * What travels on a topic and sits in an event store: metadata plus the event as JSON.
 * {@code data} stays JSON so that a consumer can pass on types it does not know.
 *
 * @param aggregateVersion the version of the aggregate after this event; 0 for events of
 *                         aggregates that are not event-sourced (alerts, questions)
 * @param causationId      the event id that caused this one, null for a command from outside
 */
public record EventEnvelope(
        UUID eventId,
        String eventType,
        int schemaVersion,
        String aggregateType,
        String aggregateId,
        long aggregateVersion,
        Instant occurredAt,
        UUID correlationId,
        UUID causationId,
        String producer,
        JsonNode data) {

    /** Wraps an event; the caller supplies ids and time (nothing here reads a clock). */
    public static EventEnvelope wrap(DomainEvent event, long aggregateVersion, Instant occurredAt, UUID eventId,
                                     UUID correlationId, UUID causationId, String producer) {
        EventType type = EventTypes.of(event);
        return new EventEnvelope(eventId, type.name(), type.schemaVersion(), type.aggregateType(),
                event.aggregateId(), aggregateVersion, occurredAt, correlationId, causationId, producer,
                EventJson.mapper().valueToTree(event));
    }

    /** The topic this envelope belongs on. */
    public String topic() {
        return EventTypes.byName(eventType).map(EventType::topic)
                .orElseThrow(() -> new IllegalStateException("unknown event type " + eventType));
    }

    /** The typed event, or empty when this consumer's contract does not know the type. */
    public java.util.Optional<DomainEvent> event() {
        return EventTypes.byName(eventType).map(type -> EventJson.treeToValue(data, type.javaType()));
    }
}

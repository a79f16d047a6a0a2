package io.commandpost.events;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param actor            who made the request that led to this event, as authenticated (a person's handle or a
 *                         service API key's name); absent for events the system produced on its own
 * @param via              the service API key through which {@code actor} acted (a Slack button), else absent
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
        JsonNode data,
        @JsonInclude(JsonInclude.Include.NON_NULL) String actor,
        @JsonInclude(JsonInclude.Include.NON_NULL) String via) {

    /** An envelope with no actor: written by the system, not on a person's request. */
    public EventEnvelope(UUID eventId, String eventType, int schemaVersion, String aggregateType, String aggregateId,
                         long aggregateVersion, Instant occurredAt, UUID correlationId, UUID causationId,
                         String producer, JsonNode data) {
        this(eventId, eventType, schemaVersion, aggregateType, aggregateId, aggregateVersion, occurredAt,
                correlationId, causationId, producer, data, null, null);
    }

    /** Wraps an event; the caller supplies ids and time (nothing here reads a clock). */
    public static EventEnvelope wrap(DomainEvent event, long aggregateVersion, Instant occurredAt, UUID eventId,
                                     UUID correlationId, UUID causationId, String producer) {
        return wrap(event, aggregateVersion, occurredAt, eventId, correlationId, causationId, producer, null, null);
    }

    /** Wraps an event done on the request of {@code actor} (via a service key, or null). */
    public static EventEnvelope wrap(DomainEvent event, long aggregateVersion, Instant occurredAt, UUID eventId,
                                     UUID correlationId, UUID causationId, String producer, String actor,
                                     String via) {
        EventType type = EventTypes.of(event);
        return new EventEnvelope(eventId, type.name(), type.schemaVersion(), type.aggregateType(),
                event.aggregateId(), aggregateVersion, occurredAt, correlationId, causationId, producer,
                EventJson.mapper().valueToTree(event), actor, via);
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

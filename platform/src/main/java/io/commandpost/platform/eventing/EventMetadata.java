package io.commandpost.platform.eventing;

import java.util.UUID;

/**
 * Why events are being written: the request or event that led to them, and who made that request (the
 * authenticated actor, and the service key it acted through), carried into each event's envelope.
 */
public record EventMetadata(UUID correlationId, UUID causationId, String actor, String via) {

    public EventMetadata(UUID correlationId, UUID causationId) {
        this(correlationId, causationId, null, null);
    }

    /** A command from outside: a fresh correlation id and no causing event. */
    public static EventMetadata fresh() {
        return new EventMetadata(UUID.randomUUID(), null);
    }

    /** Events caused by a consumed event keep its correlation id. */
    public static EventMetadata causedBy(io.commandpost.events.EventEnvelope cause) {
        UUID correlation = cause.correlationId() != null ? cause.correlationId() : cause.eventId();
        return new EventMetadata(correlation, cause.eventId());
    }
}

package io.commandpost.platform.eventing;

import java.util.UUID;

/** Why events are being written: the request or event that led to them. */
public record EventMetadata(UUID correlationId, UUID causationId) {

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

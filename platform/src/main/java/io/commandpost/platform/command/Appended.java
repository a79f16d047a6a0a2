package io.commandpost.platform.command;

import io.commandpost.events.EventEnvelope;
import io.commandpost.platform.eventing.EventMetadata;
import java.util.List;

/**
 * Fired (a synchronous CDI event) by the {@link CommandHandler} right after it appended events, inside the
 * same transaction: an observer may wake or tick another aggregate atomically with them (a team's change
 * wakes its handoffs). An observer that throws rolls the whole decision back.
 */
public record Appended(String aggregate, String streamType, String streamId, List<EventEnvelope> envelopes,
                       EventMetadata metadata) {

    public Appended {
        envelopes = List.copyOf(envelopes);
    }

    /** Whether one of the appended events has this registered type name ({@code team.created}). */
    public boolean contains(String eventType) {
        return envelopes.stream().anyMatch(envelope -> envelope.eventType().equals(eventType));
    }
}

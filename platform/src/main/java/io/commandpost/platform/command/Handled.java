package io.commandpost.platform.command;

import io.commandpost.events.EventEnvelope;
import java.util.List;

/**
 * What a command or a tick did: the state and stream version after it, and the envelopes it stored
 * (empty when it decided nothing).
 */
public record Handled<S>(S state, long version, List<EventEnvelope> appended) {

    public Handled {
        appended = List.copyOf(appended);
    }

    public Versioned<S> versioned() {
        return new Versioned<>(state, version);
    }

    public boolean changed() {
        return !appended.isEmpty();
    }
}

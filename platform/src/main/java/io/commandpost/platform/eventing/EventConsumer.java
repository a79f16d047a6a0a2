package io.commandpost.platform.eventing;

import io.commandpost.events.EventEnvelope;
import java.util.Collection;

/**
 * A bean that reacts to events from topics. The platform runs it: one consumer group per consumer
 * ({@code <service>.<name>}), each event applied at most once (by event id), in its own
 * transaction, retried a bounded number of times, then dead-lettered.
 */
public interface EventConsumer {

    /** Stable name: consumer group suffix and idempotency key. */
    String name();

    Collection<String> topics();

    /** Applies one event inside a transaction. Throw to retry; types it does not know are ignored. */
    void handle(EventEnvelope envelope);
}

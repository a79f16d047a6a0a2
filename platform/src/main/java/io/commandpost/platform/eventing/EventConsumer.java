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

    /**
     * Whether {@link #handle} does anything with events of this type (a record's {@code ce_type} header). The
     * platform skips records of types it refuses unread: no parsing, no idempotency claim, no transaction. A
     * record without the header is handled. Default: every type.
     */
    default boolean accepts(String eventType) {
        return true;
    }

    /**
     * True for a consumer off the page path, whose events may be applied a moment later in larger batches: after
     * the first record arrives it gathers for {@code commandpost.consumers.gather} (200 ms) before applying what
     * came, in one transaction. Default: false, every poll is applied at once.
     */
    default boolean mayWait() {
        return false;
    }
}

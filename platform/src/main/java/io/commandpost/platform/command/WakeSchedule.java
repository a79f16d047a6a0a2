package io.commandpost.platform.command;

import java.time.Instant;

/**
 * Where the handler stores the wakes its deciders ask for (implemented by the platform's timers), in the
 * caller's transaction. A wake only ever moves an aggregate's timer earlier; firing it is what removes it.
 */
public interface WakeSchedule {

    /** Wakes aggregate {@code aggregateName}'s stream {@code streamId} at {@code at} at the latest. */
    void wakeBy(String aggregateName, String streamId, Instant at);
}

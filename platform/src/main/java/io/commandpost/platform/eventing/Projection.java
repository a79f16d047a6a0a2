package io.commandpost.platform.eventing;

/** A consumer whose whole state is derived from its topics, so it can be dropped and rebuilt. */
public interface Projection extends EventConsumer {

    /** Deletes every row this projection owns (called inside the rebuild transaction). */
    void reset();
}

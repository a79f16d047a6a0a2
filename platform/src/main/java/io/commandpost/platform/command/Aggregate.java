package io.commandpost.platform.command;

import io.commandpost.events.DomainEvent;

/**
 * One kind of aggregate: the stream type that holds it (as registered in {@code EventTypes}), the events
 * it folds and the decider that rules one of its streams. Implement it as an {@code @ApplicationScoped}
 * bean when timers may wake it: the timer worker finds it by {@link #name()}.
 *
 * <p>Two aggregates may share a stream type (each folds the events it knows, both append at the stream's
 * version); their names must differ.
 */
public interface Aggregate<C, S, E extends DomainEvent> {

    /** The {@code aggregateType} of its events, the {@code stream_type} of the store. */
    String streamType();

    /** The events its decider folds; other events of the stream only move the version. */
    Class<E> eventType();

    /**
     * The decider of one stream. An adapter may read here what the pure rules need besides the stream
     * (configuration held elsewhere) and give it to the decider it returns.
     */
    Decider<C, S, E> decider(String streamId);

    /**
     * Non-null lets the {@link CommandHandler} keep this stream's folded state in memory and fold only the events
     * appended since (a long stream then costs its new events, not its history): the state must be immutable, and
     * folding must depend only on the events and on what this key stands for (a decider built with another key
     * folds again from the start). Null (the default): every decision folds the whole stream.
     */
    default Object foldKey(String streamId) {
        return null;
    }

    /** Unique within a service: names its timers. Defaults to the stream type. */
    default String name() {
        return streamType();
    }

    /** An aggregate whose decider needs nothing but its stream. */
    static <C, S, E extends DomainEvent> Aggregate<C, S, E> of(String name, String streamType, Class<E> eventType,
                                                              Decider<C, S, E> decider) {
        return new Aggregate<>() {
            @Override
            public String streamType() {
                return streamType;
            }

            @Override
            public Class<E> eventType() {
                return eventType;
            }

            @Override
            public Decider<C, S, E> decider(String streamId) {
                return decider;
            }

            @Override
            public String name() {
                return name;
            }
        };
    }
}

package io.commandpost.platform.command;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The pure rules of one aggregate (EventSourcing.JVM's decider, GoAlert's tick): how its events make its
 * state, which events a command causes, and what is due at a moment. No I/O, no annotations, time comes as
 * an argument. A rule broken by a command is thrown as an exception of {@code io.commandpost.platform.domain}.
 *
 * @param <C> the commands it takes
 * @param <S> its state, folded from its events
 * @param <E> its events (one sealed interface of past-tense records)
 */
public interface Decider<C, S, E> {

    /** The state of a stream with no events. */
    S initial();

    /** The state after one more event. */
    S evolve(S state, E event);

    /** The events {@code command} causes in {@code state} at {@code now}; empty when it changes nothing. */
    List<E> decide(C command, S state, Instant now);

    /**
     * What became due by {@code now}: called when a timer of this aggregate fires ({@link #wakeAt}). It may
     * fire late (after downtime): the state knows when the work was due, so the events can carry both the
     * due time and {@code now}. Empty when nothing is due (a timer may fire early or twice; it is harmless).
     */
    default List<E> tick(S state, Instant now) {
        return List.of();
    }

    /**
     * When this aggregate must be woken next ({@link #tick}), derived from its state after each decision;
     * empty when nothing is pending. The wake is stored in the same transaction as the events.
     */
    default Optional<Instant> wakeAt(S state) {
        return Optional.empty();
    }

    /** The state after {@code events}, in order. */
    default S fold(S state, List<? extends E> events) {
        S folded = state;
        for (E event : events) {
            folded = evolve(folded, event);
        }
        return folded;
    }
}

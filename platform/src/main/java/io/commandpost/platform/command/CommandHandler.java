package io.commandpost.platform.command;

import io.commandpost.events.DomainEvent;
import io.commandpost.events.EventEnvelope;
import io.commandpost.platform.config.PlatformConfig;
import io.commandpost.platform.eventing.ConcurrencyConflictException;
import io.commandpost.platform.eventing.EventMetadata;
import io.commandpost.platform.eventing.EventStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The one write path of every event-sourced aggregate: load its stream, fold it with {@code evolve},
 * {@code decide} (or {@code tick}), append the events at the version read and store the decider's next wake,
 * all in ONE transaction ({@link Appended} observers run in it too). It never retries: a stale expected version is a {@link StaleVersionException}
 * (412), a writer that appended between our read and our append is a {@link ConcurrencyConflictException}
 * (409), and the caller decides what to do.
 *
 * <pre>{@code
 * Handled<Team> done = handler.handle(teams, "payments", new AddMember(...), ifMatch.expected(), metadata);
 * }</pre>
 */
@ApplicationScoped
public class CommandHandler {

    private static final Logger LOG = Logger.getLogger(CommandHandler.class);

    private final EventStore store;
    private final WakeSchedule wakes;
    private final Clock clock;
    private final Event<Appended> appended;
    private final FoldCache folds;

    CommandHandler(EventStore store, WakeSchedule wakes, Clock clock, Event<Appended> appended, PlatformConfig config) {
        this.folds = new FoldCache(config.commands().foldCacheSize());
        this.store = store;
        this.wakes = wakes;
        this.clock = clock;
        this.appended = appended;
    }

    /** The aggregate as its stream makes it now: {@code initial()} at version 0 when the stream is empty. */
    public <S, E extends DomainEvent> Versioned<S> load(Aggregate<?, S, E> aggregate, String streamId) {
        return fold(aggregate, aggregate.decider(streamId), streamId);
    }

    /**
     * Decides {@code command} on the stream's current state and appends what it decided. {@code expected}
     * is checked before deciding when the stream exists (404-style rule errors of a missing aggregate come
     * from the decider first).
     *
     * @throws StaleVersionException       when the stream is not at a version {@code expected} allows
     * @throws ConcurrencyConflictException when another writer appended first (nothing was stored)
     */
    @Transactional
    public <C, S, E extends DomainEvent> Handled<S> handle(Aggregate<C, S, E> aggregate, String streamId, C command,
                                                           Expected expected, EventMetadata metadata) {
        Instant now = clock.instant();
        Decider<C, S, E> decider = aggregate.decider(streamId);
        Versioned<S> current = fold(aggregate, decider, streamId);
        if (current.version() > 0 && !expected.allows(current.version())) {
            throw new StaleVersionException(aggregate.streamType(), streamId, expected, current.version());
        }
        List<E> events = decider.decide(command, current.state(), now);
        if (current.version() == 0 && !expected.allows(0)) {
            throw new StaleVersionException(aggregate.streamType(), streamId, expected, 0);
        }
        return append(aggregate, decider, streamId, current, events, metadata, now, false);
    }

    /**
     * Calls the decider's {@code tick} at the clock's now and appends what became due, in the caller's
     * transaction: the timer worker's path, also usable by an adapter that must run it at once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <S, E extends DomainEvent> Handled<S> tick(Aggregate<?, S, E> aggregate, String streamId,
                                                      EventMetadata metadata) {
        Instant now = clock.instant();
        Decider<?, S, E> decider = aggregate.decider(streamId);
        Versioned<S> current = fold(aggregate, decider, streamId);
        List<E> events = decider.tick(current.state(), now);
        return append(aggregate, decider, streamId, current, events, metadata, now, true);
    }

    private <S, E extends DomainEvent> Handled<S> append(Aggregate<?, S, E> aggregate, Decider<?, S, E> decider,
                                                         String streamId, Versioned<S> current, List<E> events,
                                                         EventMetadata metadata, Instant now, boolean ticked) {
        S state = current.state();
        long version = current.version();
        List<EventEnvelope> stored = List.of();
        if (!events.isEmpty()) {
            stored = store.append(aggregate.streamType(), streamId, version, events, metadata);
            state = decider.fold(state, events);
            version = stored.get(stored.size() - 1).aggregateVersion();
            appended.fire(new Appended(aggregate.name(), aggregate.streamType(), streamId, stored, metadata));
        }
        Optional<Instant> wake = decider.wakeAt(state);
        if (wake.isPresent()) {
            if (ticked && events.isEmpty() && !wake.get().isAfter(now)) {
                // a tick that found nothing due must not ask to be woken again at once: that would spin
                LOG.warnf("%s %s: tick found nothing due but asks to be woken at %s; timer dropped",
                        aggregate.name(), streamId, wake.get());
            } else {
                wakes.wakeBy(aggregate.name(), streamId, wake.get());
            }
        }
        return new Handled<>(state, version, stored);
    }

    private <S, E extends DomainEvent> Versioned<S> fold(Aggregate<?, S, E> aggregate, Decider<?, S, E> decider,
                                                         String streamId) {
        Object key = folds.enabled() ? aggregate.foldKey(streamId) : null;
        FoldCache.Folded cached = key == null ? null : folds.get(aggregate.name(), streamId, key);
        if (cached != null) {
            List<EventEnvelope> tail = store.load(aggregate.streamType(), streamId, cached.version());
            // the event the state was folded up to must still be there (not rolled back, not replaced)
            if (!tail.isEmpty() && tail.get(0).aggregateVersion() == cached.version()
                    && tail.get(0).eventId().equals(cached.lastEventId())) {
                @SuppressWarnings("unchecked")
                S state = (S) cached.state();
                return remember(aggregate, decider, streamId, key, state, cached.version(), cached.lastEventId(),
                        tail.subList(1, tail.size()));
            }
        }
        return remember(aggregate, decider, streamId, key, decider.initial(), 0, null,
                store.load(aggregate.streamType(), streamId));
    }

    private <S, E extends DomainEvent> Versioned<S> remember(Aggregate<?, S, E> aggregate, Decider<?, S, E> decider,
                                                             String streamId, Object key, S from, long fromVersion,
                                                             UUID lastEventId, List<EventEnvelope> events) {
        S state = from;
        long version = fromVersion;
        UUID last = lastEventId;
        Class<E> type = aggregate.eventType();
        for (EventEnvelope envelope : events) {
            Optional<DomainEvent> event = envelope.event();
            if (event.isPresent() && type.isInstance(event.get())) {
                state = decider.evolve(state, type.cast(event.get()));
            }
            version = envelope.aggregateVersion();
            last = envelope.eventId();
        }
        if (key != null && version > 0) {
            folds.put(aggregate.name(), streamId, key, new FoldCache.Folded(state, version, last));
        }
        return new Versioned<>(state, version);
    }
}

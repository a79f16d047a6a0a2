package io.commandpost.platform.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commandpost.events.ShiftEvent;
import io.commandpost.infra.test.LocalInfraResource;
import io.commandpost.platform.domain.RuleViolationException;
import io.commandpost.platform.eventing.ConcurrencyConflictException;
import io.commandpost.platform.eventing.EventMetadata;
import io.commandpost.platform.eventing.EventStore;
import io.commandpost.platform.testing.Deadlines;
import io.commandpost.platform.testing.OffsetClock;
import io.commandpost.platform.testing.Streams;
import io.commandpost.platform.timer.Timers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@QuarkusTest
@QuarkusTestResource(value = LocalInfraResource.class,
        initArgs = @ResourceArg(name = LocalInfraResource.DATABASE_ARG, value = "commandpost_platform"))
@Timeout(120)
class CommandHandlerIT {

    @Inject
    CommandHandler handler;
    @Inject
    Deadlines deadlines;
    @Inject
    EventStore store;
    @Inject
    Timers timers;
    @Inject
    OffsetClock clock;

    @Test
    void aCommandIsDecidedOnTheFoldedStreamAndAppendedWithItsWakeInOneTransaction() {
        String stream = Streams.unique("handle");
        Instant dueAt = clock.instant().plus(Duration.ofHours(1));
        UUID first = UUID.randomUUID();

        Handled<Deadlines.State> handled = handler.handle(deadlines, stream, new Deadlines.Give(first, dueAt),
                Expected.ANY, EventMetadata.fresh());

        assertThat(handled.version()).isEqualTo(1);
        assertThat(handled.appended()).hasSize(1);
        assertThat(handled.state().pending()).containsEntry(first, dueAt);
        assertThat(handler.load(deadlines, stream)).isEqualTo(handled.versioned());
        // the database keeps microseconds: the wake is rounded up, never down
        assertThat(timers.pending(Deadlines.NAME, stream)).hasValueSatisfying(
                timer -> assertThat(timer.dueAt()).isBetween(dueAt, dueAt.plusNanos(999)));

        // a rule broken in the folded state is the decider's exception; nothing is stored
        assertThatThrownBy(() -> handler.handle(deadlines, stream, new Deadlines.Give(first, dueAt), Expected.ANY,
                EventMetadata.fresh())).isInstanceOf(RuleViolationException.class);
        assertThat(store.currentVersion("shift", stream)).isEqualTo(1);
    }

    @Test
    void aWakeOnlyMovesTheTimerEarlier() {
        String stream = Streams.unique("earlier");
        Instant late = clock.instant().plus(Duration.ofHours(2));
        Instant early = clock.instant().plus(Duration.ofHours(1));
        handler.handle(deadlines, stream, new Deadlines.Give(UUID.randomUUID(), late), Expected.ANY,
                EventMetadata.fresh());
        handler.handle(deadlines, stream, new Deadlines.Give(UUID.randomUUID(), early), Expected.ANY,
                EventMetadata.fresh());
        QuarkusTransaction.requiringNew().run(() -> timers.wakeBy(Deadlines.NAME, stream, late.plusSeconds(60)));

        assertThat(timers.pending(Deadlines.NAME, stream).orElseThrow().dueAt()).isBetween(early, early.plusNanos(999));
    }

    @Test
    void aRolledBackTransactionKeepsNeitherTheEventsNorTheWake() {
        String stream = Streams.unique("rollback");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            handler.handle(deadlines, stream, new Deadlines.Give(UUID.randomUUID(), clock.instant()), Expected.ANY,
                    EventMetadata.fresh());
            throw new IllegalStateException("the caller fails after the decision");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(store.currentVersion("shift", stream)).isZero();
        assertThat(timers.pending(Deadlines.NAME, stream)).isEmpty();
    }

    @Test
    void aStaleExpectedVersionIsRefusedBeforeDeciding() {
        String stream = Streams.unique("stale");
        handler.handle(deadlines, stream, new Deadlines.Give(UUID.randomUUID(), clock.instant()), Expected.ANY,
                EventMetadata.fresh());
        List<String> decided = new ArrayList<>();

        assertThatThrownBy(() -> handler.handle(deadlines, stream,
                new Deadlines.Give(UUID.randomUUID(), clock.instant(), () -> decided.add("decided")),
                Expected.version(0), EventMetadata.fresh()))
                .isInstanceOf(StaleVersionException.class)
                .satisfies(e -> assertThat(((StaleVersionException) e).actualVersion()).isEqualTo(1));
        assertThat(decided).isEmpty();

        handler.handle(deadlines, stream, new Deadlines.Give(UUID.randomUUID(), clock.instant()), Expected.version(1),
                EventMetadata.fresh());
        assertThat(store.currentVersion("shift", stream)).isEqualTo(2);
    }

    @Test
    void twoWritersDecidingOnTheSameVersionGiveOneAppendAndOneConflictWithoutRetry() throws Exception {
        String stream = Streams.unique("race");
        handler.handle(deadlines, stream, new Deadlines.Give(UUID.randomUUID(), clock.instant()), Expected.ANY,
                EventMetadata.fresh());
        CyclicBarrier bothRead = new CyclicBarrier(2);
        Runnable waitForTheOther = () -> {
            try {
                bothRead.await(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        List<Integer> decisions = new java.util.concurrent.CopyOnWriteArrayList<>();
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<Long>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(CompletableFuture.supplyAsync(() -> handler.handle(deadlines, stream,
                        new Deadlines.Give(UUID.randomUUID(), clock.instant(), () -> {
                            decisions.add(1);
                            waitForTheOther.run();
                        }), Expected.ANY, EventMetadata.fresh()).version(), writers));
            }
            int won = 0;
            int conflicts = 0;
            for (CompletableFuture<Long> run : runs) {
                try {
                    assertThat(run.get(60, TimeUnit.SECONDS)).isEqualTo(2);
                    won++;
                } catch (ExecutionException e) {
                    assertThat(ConcurrencyConflictException.isCauseOf(e.getCause())).as(e.toString()).isTrue();
                    conflicts++;
                }
            }
            assertThat(won).isEqualTo(1);
            assertThat(conflicts).isEqualTo(1);
        } finally {
            writers.shutdownNow();
        }
        // each writer decided once: the loser was not retried behind the caller's back
        assertThat(decisions).hasSize(2);
        assertThat(store.currentVersion("shift", stream)).isEqualTo(2);
    }

    /** {@link Deadlines} with a fold key (so the handler may fold only new events), counting what it folds. */
    private static final class CachedDeadlines implements Aggregate<Deadlines.Give, Deadlines.State, ShiftEvent> {
        private final Deadlines inner = new Deadlines();
        private final java.util.concurrent.atomic.AtomicInteger folded = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public String streamType() {
            return "shift";
        }

        @Override
        public Class<ShiftEvent> eventType() {
            return ShiftEvent.class;
        }

        @Override
        public String name() {
            return "test-cached-deadlines";
        }

        @Override
        public Object foldKey(String streamId) {
            return "v1";
        }

        @Override
        public Decider<Deadlines.Give, Deadlines.State, ShiftEvent> decider(String streamId) {
            Decider<Deadlines.Give, Deadlines.State, ShiftEvent> decider = inner.decider(streamId);
            return new Decider<>() {
                @Override
                public Deadlines.State initial() {
                    return decider.initial();
                }

                @Override
                public Deadlines.State evolve(Deadlines.State state, ShiftEvent event) {
                    folded.incrementAndGet();
                    return decider.evolve(state, event);
                }

                @Override
                public List<ShiftEvent> decide(Deadlines.Give command, Deadlines.State state, Instant now) {
                    return decider.decide(command, state, now);
                }
            };
        }
    }

    @Test
    void aStreamWithAFoldKeyFoldsOnlyWhatWasAppendedSinceAndNeverWhatWasRolledBack() {
        String stream = Streams.unique("cached");
        CachedDeadlines cached = new CachedDeadlines();
        Instant dueAt = clock.instant().plus(Duration.ofDays(1));
        for (int i = 0; i < 30; i++) {
            handler.handle(cached, stream, new Deadlines.Give(UUID.randomUUID(), dueAt), Expected.ANY,
                    EventMetadata.fresh());
        }
        int before = cached.folded.get();
        handler.handle(cached, stream, new Deadlines.Give(UUID.randomUUID(), dueAt), Expected.ANY, EventMetadata.fresh());
        // the 31st decision folds the 30th event (appended since the 30th decision folded) and its own, not 31
        assertThat(cached.folded.get() - before).isLessThanOrEqualTo(2);
        assertThat(handler.load(cached, stream)).isEqualTo(handler.load(deadlines, stream));

        // a decision folded (and remembered) inside a transaction that rolls back is not a starting point
        UUID rolledBack = UUID.randomUUID();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            handler.handle(cached, stream, new Deadlines.Give(rolledBack, dueAt), Expected.ANY, EventMetadata.fresh());
            assertThat(handler.load(cached, stream).state().pending()).containsKey(rolledBack);
            throw new IllegalStateException("roll back");
        })).hasMessageContaining("roll back");
        assertThat(handler.load(cached, stream).state().pending()).doesNotContainKey(rolledBack).hasSize(31);
        handler.handle(cached, stream, new Deadlines.Give(UUID.randomUUID(), dueAt), Expected.ANY, EventMetadata.fresh());
        assertThat(handler.load(cached, stream)).isEqualTo(handler.load(deadlines, stream));
        assertThat(handler.load(cached, stream).version()).isEqualTo(32);
    }
}

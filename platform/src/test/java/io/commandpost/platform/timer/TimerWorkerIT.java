package io.commandpost.platform.timer;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.commandpost.events.ShiftEvent;
import io.commandpost.infra.test.LocalInfraResource;
import io.commandpost.platform.command.CommandHandler;
import io.commandpost.platform.command.Expected;
import io.commandpost.platform.eventing.EventMetadata;
import io.commandpost.platform.eventing.EventStore;
import io.commandpost.platform.testing.Deadlines;
import io.commandpost.platform.testing.OffsetClock;
import io.commandpost.platform.testing.Streams;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The due-worker against a real PostgreSQL, driven by hand ({@code fireDue}) with a clock that can jump.
 * Tests share the database: each asserts on its own streams, and other tests' due timers may fire too.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraResource.class,
        initArgs = @ResourceArg(name = LocalInfraResource.DATABASE_ARG, value = "commandpost_platform"))
@Timeout(120)
class TimerWorkerIT {

    @Inject
    TimerWorker worker;
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
    @Inject
    AgroalDataSource dataSource;

    private String streamDueIn(Duration in) {
        String stream = Streams.unique("timer");
        handler.handle(deadlines, stream, new Deadlines.Give(UUID.randomUUID(), clock.instant().plus(in)),
                Expected.ANY, EventMetadata.fresh());
        return stream;
    }

    @Test
    void twoWorkersRacingOnTheSameDueTimersFireEachExactlyOnce() throws Exception {
        List<String> streams = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            streams.add(streamDueIn(Duration.ZERO));
        }
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<Integer>> runs = List.of(
                    CompletableFuture.supplyAsync(() -> fireAfter(together), replicas),
                    CompletableFuture.supplyAsync(() -> fireAfter(together), replicas));
            CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(90, TimeUnit.SECONDS);
            assertThat(runs.get(0).get() + runs.get(1).get()).isGreaterThanOrEqualTo(streams.size());
        } finally {
            replicas.shutdownNow();
        }

        for (String stream : streams) {
            assertThat(Streams.overdue(store, stream)).as(stream).hasSize(1);
            assertThat(timers.pending(Deadlines.NAME, stream)).as(stream).isEmpty();
        }
        worker.fireDue();
        for (String stream : streams) {
            assertThat(Streams.overdue(store, stream)).as(stream).hasSize(1);
        }
    }

    @Test
    void aTimerClaimedByAReplicaThatDiesBeforeItsAppendFiresLaterOnce() throws Exception {
        String stream = streamDueIn(Duration.ZERO);
        try (Connection replica = dataSource.getConnection()) {
            replica.setAutoCommit(false);
            try (PreparedStatement claim = replica.prepareStatement(
                    "select due_at from timers where aggregate = ? and stream_id = ? for update skip locked")) {
                claim.setString(1, Deadlines.NAME);
                claim.setString(2, stream);
                try (ResultSet rs = claim.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                }
            }
            // the other replica skips the held timer
            worker.fireDue();
            assertThat(Streams.overdue(store, stream)).isEmpty();
            assertThat(timers.pending(Deadlines.NAME, stream)).isPresent();
            replica.rollback();
        }

        worker.fireDue();
        worker.fireDue();

        assertThat(Streams.overdue(store, stream)).hasSize(1);
        assertThat(timers.pending(Deadlines.NAME, stream)).isEmpty();
    }

    @Test
    void aTickThatFailsRollsBackAndTheTimerFiresAgainOnceAfterItsBackoff() {
        String stream = streamDueIn(Duration.ZERO);
        Instant dueAt = timers.pending(Deadlines.NAME, stream).orElseThrow().dueAt();
        deadlines.failNextTicks(1);
        // other tests' due timers fire first; ours fails once and waits
        worker.fireDue();

        assertThat(Streams.overdue(store, stream)).isEmpty();
        Timer postponed = timers.pending(Deadlines.NAME, stream).orElseThrow();
        assertThat(postponed.attempts()).isEqualTo(1);
        assertThat(postponed.dueAt()).isAfter(dueAt);

        clock.jump(Duration.ofSeconds(5));
        worker.fireDue();
        worker.fireDue();

        assertThat(Streams.overdue(store, stream)).hasSize(1);
        assertThat(timers.pending(Deadlines.NAME, stream)).isEmpty();
    }

    @Test
    void afterAClockJumpTheTimerFiresLateOnceCarryingItsDueTimeAndItsFiringTime() {
        String stream = Streams.unique("jump");
        Instant dueAt = clock.instant().plus(Duration.ofMinutes(10));
        handler.handle(deadlines, stream, new Deadlines.Give(UUID.randomUUID(), dueAt), Expected.ANY,
                EventMetadata.fresh());
        worker.fireDue();
        assertThat(Streams.overdue(store, stream)).isEmpty();

        Instant jumped = clock.jump(Duration.ofHours(3));
        worker.fireDue();
        worker.fireDue();

        List<ShiftEvent.HandoverAcceptanceOverdue> overdue = Streams.overdue(store, stream);
        assertThat(overdue).hasSize(1);
        assertThat(overdue.get(0).acceptBy()).isEqualTo(dueAt);
        assertThat(overdue.get(0).detectedAt()).isAfterOrEqualTo(jumped);
        assertThat(Duration.between(overdue.get(0).acceptBy(), overdue.get(0).detectedAt()))
                .isGreaterThan(Duration.ofHours(2));
    }

    private int fireAfter(CyclicBarrier together) {
        try {
            together.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return worker.fireDue();
    }
}

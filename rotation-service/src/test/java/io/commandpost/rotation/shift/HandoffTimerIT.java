package io.commandpost.rotation.shift;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.commandpost.events.EventEnvelope;
import io.commandpost.events.ShiftEvent.ShiftStarted;
import io.commandpost.infra.test.LocalInfraResource;
import io.commandpost.platform.eventing.EventStore;
import io.commandpost.platform.timer.TimerWorker;
import io.commandpost.platform.timer.Timers;
import io.commandpost.rotation.MutableClock;
import io.commandpost.rotation.TestTeams;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = LocalInfraResource.class,
        initArgs = @ResourceArg(name = LocalInfraResource.DATABASE_ARG, value = "commandpost_rotation"))
class HandoffTimerIT {

    @Inject
    MutableClock clock;
    @Inject
    TimerWorker job;
    @Inject
    EventStore store;
    @Inject
    Timers timers;

    @Test
    void aTeamsHandoffTimerWaitsForItsNextStartAndAnyChangeOfTheTeamWakesItToPlanAgain() {
        String id = TestTeams.uniqueTeam("wake");
        TestTeams.create(id);
        ShiftStarted first = shiftsOf(id).get(0);
        assertThat(timers.pending(HandoffAggregate.NAME, id).orElseThrow().dueAt()).isEqualTo(first.endsAt());

        given().header("Authorization", TestTeams.AUTH).contentType(ContentType.JSON).body("{\"handle\":\"carol\"}")
                .post("/v1/teams/{id}/members", id).then().statusCode(201);
        assertThat(timers.pending(HandoffAggregate.NAME, id).orElseThrow().dueAt()).isEqualTo(clock.instant());

        job.fireDue();
        // nothing was due: no shift started, and the timer waits for the next start again
        assertThat(shiftsOf(id)).hasSize(1);
        assertThat(timers.pending(HandoffAggregate.NAME, id).orElseThrow().dueAt()).isEqualTo(first.endsAt());
    }

    private List<ShiftStarted> shiftsOf(String teamId) {
        return store.load(HandoffAggregate.STREAM_TYPE, teamId).stream()
                .map(EventEnvelope::event).flatMap(java.util.Optional::stream)
                .filter(ShiftStarted.class::isInstance).map(ShiftStarted.class::cast).toList();
    }

    @Test
    void twoReplicasRacingAtTheHandoffStartTheShiftExactlyOnce() throws Exception {
        String id = TestTeams.uniqueTeam("race");
        TestTeams.create(id);
        ShiftStarted first = shiftsOf(id).get(0);
        clock.set(first.endsAt().plusSeconds(5));

        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<Integer>> runs = List.of(
                    CompletableFuture.supplyAsync(() -> runAfter(together), replicas),
                    CompletableFuture.supplyAsync(() -> runAfter(together), replicas));
            CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(60, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            replicas.shutdownNow();
        }

        List<ShiftStarted> shifts = shiftsOf(id);
        assertThat(shifts).hasSize(2);
        assertThat(shifts.get(1).member()).isEqualTo("bob");
        assertThat(shifts.get(1).startsAt()).isEqualTo(first.endsAt());
        assertThat(shifts.get(1).previousShiftId()).isEqualTo(first.shiftId());
        assertThat(shifts.get(1).late()).isFalse();

        job.fireDue();
        assertThat(shiftsOf(id)).hasSize(2);
    }

    @Test
    void aMissedHandoffIsStartedLateOnceAfterDowntime() {
        String id = TestTeams.uniqueTeam("downtime");
        TestTeams.create(id);
        ShiftStarted first = shiftsOf(id).get(0);
        clock.set(first.endsAt().plus(Duration.ofHours(3)));

        job.fireDue();
        job.fireDue();

        List<ShiftStarted> shifts = shiftsOf(id);
        assertThat(shifts).hasSize(2);
        assertThat(shifts.get(1).late()).isTrue();
        assertThat(shifts.get(1).startsAt()).isEqualTo(first.endsAt());
        assertThat(shifts.get(1).startedAt()).isEqualTo(clock.instant());
    }

    private int runAfter(CyclicBarrier together) {
        try {
            together.await(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return job.fireDue();
    }
}

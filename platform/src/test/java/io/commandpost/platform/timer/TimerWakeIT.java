package io.commandpost.platform.timer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The running due-worker with a safety poll of an hour: a timer fires because the worker sleeps until the
 * next due time and is woken when a nearer one commits, not because something scans on an interval.
 */
@QuarkusTest
@TestProfile(TimerWakeIT.WorkerRunning.class)
@QuarkusTestResource(value = LocalInfraResource.class,
        initArgs = @ResourceArg(name = LocalInfraResource.DATABASE_ARG, value = "commandpost_platform"))
@Timeout(120)
class TimerWakeIT {

    public static class WorkerRunning implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("commandpost.timers.enabled", "true", "commandpost.timers.safety-poll", "1h");
        }
    }

    @Inject
    CommandHandler handler;
    @Inject
    Deadlines deadlines;
    @Inject
    EventStore store;
    @Inject
    OffsetClock clock;

    @Test
    void aTimerDueNowFiresAsSoonAsItCommits() {
        String stream = give(Duration.ZERO);
        // the next poll is an hour away: anything under a minute is "as soon as it commits", even on a loaded machine
        await().atMost(Duration.ofSeconds(60)).untilAsserted(
                () -> assertThat(Streams.overdue(store, stream)).hasSize(1));
    }

    @Test
    void aNearerTimerCommittedWhileTheWorkerSleepsFiresAtItsTimeNotAtTheNextPoll() {
        String far = give(Duration.ofMinutes(30));
        String near = give(Duration.ofSeconds(2));
        Instant givenAt = clock.instant();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(
                () -> assertThat(Streams.overdue(store, near)).hasSize(1));
        var fired = Streams.overdue(store, near).get(0);
        assertThat(fired.detectedAt()).isAfterOrEqualTo(fired.acceptBy());
        // fired at its time, not at the next poll an hour later: the bounds leave room for a CI machine at load 40
        Duration lag = Duration.between(fired.acceptBy(), fired.detectedAt());
        System.out.println("timer fired " + lag.toMillis() + " ms after its due time");
        assertThat(lag).isLessThan(Duration.ofSeconds(30));
        assertThat(Duration.between(givenAt, fired.detectedAt())).isLessThan(Duration.ofSeconds(45));
        assertThat(Streams.overdue(store, far)).isEmpty();
    }

    private String give(Duration in) {
        String stream = Streams.unique("wake");
        handler.handle(deadlines, stream, new Deadlines.Give(UUID.randomUUID(), clock.instant().plus(in)),
                Expected.ANY, EventMetadata.fresh());
        return stream;
    }
}

package io.commandpost.ingest.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.commandpost.events.EventEnvelope;
import io.commandpost.infra.test.LocalInfraResource;
import io.commandpost.ingest.support.AlertTopic;
import io.commandpost.ingest.support.Api;
import io.commandpost.ingest.support.MutableClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = LocalInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "commandpost_alert_ingest"))
class HeartbeatIT {

    private static final String URL = "/v1/webhooks/heartbeat";

    @Inject
    MutableClock clock;

    @Inject
    Heartbeats heartbeats;

    @AfterEach
    void restore() {
        clock.reset();
    }

    @Test
    void aMissedPingRaisesAnAlertWithTheIntegrationsPriorityAndTheNextPingResolvesIt() {
        Api.CreatedIntegration watchdog = Api.createIntegration(Map.of("team", "payments", "type", "heartbeat",
                "name", "prometheus watchdog", "defaultPriority", "P1", "intervalMinutes", 5));
        watchdog.webhook().contentType("application/json").body("{\"status\":\"firing\",\"alerts\":[]}").post(URL)
                .then().statusCode(202).body("status", equalTo("ok"));

        clock.advance(Duration.ofMinutes(4));
        // the scheduled checker runs every second in tests: nothing may come within the interval
        assertThat(heartbeats.raiseOverdue()).isZero();
        clock.advance(Duration.ofMinutes(2));

        EventEnvelope raised = await().atMost(Duration.ofSeconds(60))
                .until(() -> AlertTopic.eventsOf(watchdog.id()), events -> !events.isEmpty()).get(0);
        assertThat(raised.eventType()).isEqualTo("alert.received");
        assertThat(raised.data().path("source").asText()).isEqualTo("heartbeat");
        assertThat(raised.data().path("priority").asText()).isEqualTo("P1");
        assertThat(raised.data().path("team").asText()).isEqualTo("payments");

        watchdog.webhook().post(URL).then().statusCode(202);

        List<EventEnvelope> events = AlertTopic.eventsOf(watchdog.id());
        assertThat(events).extracting(EventEnvelope::eventType).containsExactly("alert.received", "alert.resolved");
        assertThat(events).extracting(EventEnvelope::aggregateId).containsOnly("heartbeat-" + watchdog.id());
    }

    @Test
    void concurrentCheckersRaiseOneAlertPerMissedInterval() throws Exception {
        Api.CreatedIntegration watchdog = Api.createIntegration(Map.of("team", "payments", "type", "heartbeat",
                "name", "cron watchdog", "intervalMinutes", 1));
        clock.advance(Duration.ofMinutes(3));

        ExecutorService replicas = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> checks = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                checks.add(heartbeats::raiseOverdue);
            }
            for (Future<Integer> check : replicas.invokeAll(checks, 60, TimeUnit.SECONDS)) {
                check.get();
            }
        } finally {
            replicas.shutdownNow();
        }

        // whichever checker took it (one of these or the scheduled one), the row now says raised
        List<EventEnvelope> events = await().atMost(Duration.ofSeconds(60))
                .until(() -> AlertTopic.eventsOf(watchdog.id()), found -> !found.isEmpty());
        assertThat(heartbeats.raiseOverdue()).isZero();
        assertThat(AlertTopic.eventsOf(watchdog.id())).hasSize(1).isEqualTo(events);
    }

    @Test
    void aHeartbeatNeedsItsInterval() {
        Api.withApiKey().contentType("application/json")
                .body(Map.of("team", "payments", "type", "heartbeat", "name", "no interval"))
                .post("/v1/integrations").then().statusCode(400).body("errors[0].pointer", equalTo("/intervalMinutes"));
    }
}

package io.commandpost.notification.escalation;

import static io.commandpost.notification.support.TestEvents.T0;
import static io.commandpost.notification.support.TestEvents.envelope;
import static io.commandpost.notification.support.TestEvents.mroShift;
import static io.commandpost.notification.support.TestEvents.teamCreated;
import static io.commandpost.notification.support.TestEvents.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.commandpost.events.AlertEvent;
import io.commandpost.events.EventEnvelope;
import io.commandpost.events.Priority;
import io.commandpost.infra.test.LocalInfraResource;
import io.commandpost.notification.oncall.OnCallDirectory;
import io.commandpost.notification.oncall.Recipient;
import io.commandpost.notification.support.Db;
import io.commandpost.notification.support.EventTopics;
import io.commandpost.notification.support.NotificationTestResource;
import io.commandpost.notification.support.TestClock;
import io.commandpost.notification.support.TestWebhookReceiver;
import io.commandpost.notification.support.TestWebhookReceiver.ReceivedPage;
import io.commandpost.platform.timer.TimerWorker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Flood control end to end: one page per person per window, one follow-up naming the rest, one page per group. */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "commandpost_notification"))
@QuarkusTestResource(NotificationTestResource.class)
class FloodControlIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    TestClock clock;

    @Inject
    TimerWorker timers;

    @Inject
    OnCallDirectory onCall;

    @Inject
    AgroalDataSource dataSource;

    private final TestWebhookReceiver receiver = TestWebhookReceiver.get();

    @Test
    void distinctAlertsWithinTheWindowPageOnceThenOneFollowUpNamesTheOthers() {
        String team = team();
        List<EventEnvelope> alerts = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            alerts.add(envelope(alert(team, "disk-" + i, "disk full on db-" + i, null), 0));
            EventTopics.produce(alerts.get(i));
        }
        // distinct keys travel on different partitions: wait until paging decided about every one of them
        await().atMost(WAIT).until(() -> alerts.stream().allMatch(e -> Db.processed(dataSource, "paging", e.eventId())));
        await().atMost(WAIT).until(() -> receiver.pagesFor(team).size() == 1);

        clock.advance(Duration.ofSeconds(61));
        timers.fireDue();

        await().atMost(WAIT).until(() -> receiver.pagesFor(team).size() == 2);
        ReceivedPage followUp = receiver.pagesFor(team).get(1);
        assertThat(followUp.json().path("recipient").path("handle").asText()).isEqualTo("alice");
        assertThat(followUp.json().path("alert").path("summary").asText()).startsWith("4 alerts while you were paged: ");
        String first = receiver.pagesFor(team).get(0).json().path("alert").path("dedupKey").asText();
        for (int i = 0; i < 5; i++) {
            String key = "disk-" + i;
            assertThat(first.equals(key) || followUp.json().path("alert").path("summary").asText()
                    .contains("disk full on db-" + i)).as("alert %s reachable from a page", key).isTrue();
        }
    }

    @Test
    void theAlertsOfOneAlertmanagerGroupInOneRequestAreOnePage() {
        String team = team();
        UUID request = UUID.randomUUID();
        for (int i = 0; i < 4; i++) {
            AlertEvent.AlertReceived alert = alert(team, "pod-" + i, "pod crashlooping " + i, "{}:{alertname=\"Crash\"}");
            EventEnvelope one = envelope(alert, 0);
            EventTopics.produce(new EventEnvelope(one.eventId(), one.eventType(), one.schemaVersion(),
                    one.aggregateType(), one.aggregateId(), one.aggregateVersion(), one.occurredAt(), request,
                    one.causationId(), one.producer(), one.data()));
        }
        await().atMost(WAIT).until(() -> receiver.pagesFor(team).size() == 1);

        clock.advance(Duration.ofSeconds(61));
        timers.fireDue();
        await().atMost(Duration.ofSeconds(5)).during(Duration.ofSeconds(3))
                .until(() -> receiver.pagesFor(team).size() == 1); // nothing was held: the group joined its page
    }

    @Test
    void theAlertsOfOneAlertmanagerGroupStayOnePageWhenTimersPageTheirNextStep() {
        String team = team("{\"steps\":[{\"delayMinutes\":1,\"targets\":[\"on-duty\"]},"
                + "{\"delayMinutes\":30,\"targets\":[\"on-duty\"]}],\"repeat\":0,\"floodWindowSeconds\":60}");
        UUID request = UUID.randomUUID();
        for (int i = 0; i < 4; i++) {
            EventEnvelope one = envelope(alert(team, "node-" + i, "node down " + i, "{}:{alertname=\"NodeDown\"}"), 0);
            EventTopics.produce(new EventEnvelope(one.eventId(), one.eventType(), one.schemaVersion(),
                    one.aggregateType(), one.aggregateId(), one.aggregateVersion(), one.occurredAt(), request,
                    one.causationId(), one.producer(), one.data()));
        }
        await().atMost(WAIT).until(() -> steps(team, 0) == 4);
        assertThat(receiver.pagesFor(team)).hasSize(1);

        // nobody acknowledged: each alert's own timer pages step 2, after the flood window of the first page ended
        clock.advance(Duration.ofSeconds(61));
        timers.fireDue();
        await().atMost(WAIT).until(() -> steps(team, 1) == 4);
        await().atMost(WAIT).until(() -> receiver.pagesFor(team).size() == 2);

        // the group's step-2 pages joined one page: nothing was held for a follow-up
        clock.advance(Duration.ofSeconds(61));
        timers.fireDue();
        await().atMost(Duration.ofSeconds(5)).during(Duration.ofSeconds(3))
                .until(() -> receiver.pagesFor(team).size() == 2);
    }

    /** How many of the team's alerts had their escalation step {@code step} (0-based) turned into pages. */
    private long steps(String team, int step) {
        return Db.rows(dataSource, "select 1 from page_step where stream_id like ? and step = ?", team + "/%", step)
                .size();
    }

    private String team() {
        return team("{\"steps\":[{\"delayMinutes\":30,\"targets\":[\"on-duty\"]}],\"repeat\":0,"
                + "\"floodWindowSeconds\":60}");
    }

    private String team(String policy) {
        String team = unique("flood");
        given().auth().oauth2(NotificationTestResource.API_KEY).contentType("application/json")
                .body(policy)
                .put("/v1/teams/{team}/paging-policy", team).then().statusCode(200);
        EventTopics.produce(envelope(teamCreated(team, "alice"), 1));
        EventTopics.produce(envelope(mroShift(team, "alice", T0), 2));
        await().atMost(WAIT).until(() -> onCall.currentMro(team).map(Recipient::handle).equals(Optional.of("alice")));
        return team;
    }

    private static AlertEvent.AlertReceived alert(String team, String key, String summary, String groupKey) {
        Map<String, Object> details = groupKey == null ? Map.of() : Map.of("alertmanagerGroup", Map.of("groupKey", groupKey));
        return new AlertEvent.AlertReceived(team, "int-1", "alertmanager", key, Priority.P2, summary, details, Map.of(),
                List.of(), T0, T0.plusSeconds(5));
    }
}

package io.commandpost.notification.announce;

import static io.commandpost.notification.support.TestEvents.T0;
import static io.commandpost.notification.support.TestEvents.envelope;
import static io.commandpost.notification.support.TestEvents.handedOver;
import static io.commandpost.notification.support.TestEvents.mroShift;
import static io.commandpost.notification.support.TestEvents.teamCreated;
import static io.commandpost.notification.support.TestEvents.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;

import io.agroal.api.AgroalDataSource;
import io.commandpost.events.AlertEvent;
import io.commandpost.events.EventEnvelope;
import io.commandpost.events.IncidentEvent;
import io.commandpost.events.Priority;
import io.commandpost.events.QuestionEvent;
import io.commandpost.events.ShiftEvent;
import io.commandpost.events.ShiftKind;
import io.commandpost.infra.test.LocalInfraResource;
import io.commandpost.notification.digest.DigestProjection;
import io.commandpost.notification.support.Db;
import io.commandpost.notification.support.EventTopics;
import io.commandpost.notification.support.NotificationTestResource;
import io.commandpost.notification.support.TestWebhookReceiver;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The 09:00 announcement end to end: topics in, digest projection, one delivery per team and day, the webhook. */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "commandpost_notification"))
@QuarkusTestResource(NotificationTestResource.class)
class MorningAnnouncementIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Instant NINE = T0.plus(Duration.ofDays(1)); // 2025-03-04T08:00Z, 09:00 in Paris

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AnnouncementConsumer announcements;

    private final TestWebhookReceiver receiver = TestWebhookReceiver.get();

    @Test
    void announcesOncePerTeamAndDayWithWhoRestsTheHandoverAndTheOvernightDigest() {
        String team = unique("digest");
        String teamName = Character.toUpperCase(team.charAt(0)) + team.substring(1);
        ShiftEvent.ShiftStarted yesterday = mroShift(team, "alice", T0);
        ShiftEvent.ShiftHandedOver handover = handedOver(team, yesterday.shiftId(), "alice", "bob", "watch db-1",
                List.of("alert:disk"));
        EventTopics.produce(envelope(teamCreated(team, "alice", "bob", "carol"), 1));
        EventTopics.produce(envelope(handover, 2));
        EventTopics.produce(envelope(new ShiftEvent.RestRuleApplied(team, LocalDate.of(2025, 3, 4), "alice", "bob",
                "REST_AFTER_NIGHT_DUTY", null, NINE.minusSeconds(60)), 3));
        // the night: an alert fired and was resolved, another still fires, an incident and a question are open
        EventTopics.produce(envelope(alert(team, "disk", "disk full on db-1", NINE.minus(Duration.ofHours(6))), 1));
        EventTopics.produce(envelope(new AlertEvent.AlertResolved(team, "int-1", "alertmanager", "disk",
                NINE.minus(Duration.ofHours(5)), NINE.minus(Duration.ofHours(5))), 2));
        EventEnvelope stillFiring = envelope(alert(team, "cpu", "cpu hot on api-2", NINE.minus(Duration.ofHours(2))), 1);
        EventTopics.produce(stillFiring);
        UUID incidentId = UUID.randomUUID();
        EventTopics.produce(envelope(new IncidentEvent.IncidentDeclared(incidentId, team, "Checkout errors",
                Priority.P1, "carol", NINE.minus(Duration.ofHours(3))), 1));
        UUID questionId = UUID.randomUUID();
        EventEnvelope asked = envelope(new QuestionEvent.QuestionAsked(questionId, team, "slack", "U-dan",
                "Is the VPN down?", "C1/1700000000.000100", NINE.minus(Duration.ofHours(1))), 1);
        EventTopics.produce(asked);
        await().atMost(WAIT).until(() -> Db.processed(dataSource, DigestProjection.NAME, asked.eventId()));
        // the digest lists alerts as the paging consumer folded them (alert_lifecycle)
        await().atMost(WAIT).until(() -> Db.processed(dataSource, "paging", stillFiring.eventId()));

        ShiftEvent.ShiftStarted today = new ShiftEvent.ShiftStarted(team, UUID.randomUUID(), ShiftKind.MRO_DAY, "bob",
                NINE, NINE.plus(Duration.ofHours(9)), yesterday.shiftId(), handover.handoverId(), false, NINE,
                "alice", "bob: covers alice, who rests after night duty");
        // the same day started twice (a second replica or a re-emitted handoff with its own ids): one message
        ShiftEvent.ShiftStarted again = new ShiftEvent.ShiftStarted(team, UUID.randomUUID(), ShiftKind.MRO_DAY, "bob",
                NINE.plusSeconds(5), NINE.plus(Duration.ofHours(9)), yesterday.shiftId(), handover.handoverId(),
                false, NINE.plusSeconds(5), "alice", "bob: covers alice, who rests after night duty");
        EventEnvelope second = envelope(again, 5);
        EventTopics.produce(envelope(today, 4));
        EventTopics.produce(second);

        await().atMost(WAIT).until(() -> receiver.announcementsContaining("Today's MRO for " + teamName).size() == 1);
        String link = "http://localhost:8083/v1/teams/" + team + "/queue/";
        assertThat(receiver.announcementsContaining("Today's MRO for " + teamName).get(0).text()).isEqualTo(
                "Good morning! Today's MRO for " + teamName + " is Bob (<@U-bob>)\n"
                        + "Planned: Alice; Bob stands in.\n"
                        + "Why: bob: covers alice, who rests after night duty\n"
                        + "Resting today: Alice after night duty (Bob covers)\n"
                        + "Overnight handover from Alice (1 open item): watch db-1\n"
                        + "Overnight digest (since 3 Mar 08:00 UTC): 4 arrived, 1 closed, 3 still open\n"
                        + "Arrived:\n"
                        + "• Alert <" + link + "alert/disk|disk full on db-1>\n"
                        + "• Alert <" + link + "alert/cpu|cpu hot on api-2>\n"
                        + "• Incident <http://localhost:8083/v1/incidents/" + incidentId + "|Checkout errors>\n"
                        + "• Question <" + link + "question/" + questionId + "|Is the VPN down?>\n"
                        + "Closed:\n"
                        + "• Alert <" + link + "alert/disk|disk full on db-1>\n"
                        + "Still open:\n"
                        + "• Alert <" + link + "alert/cpu|cpu hot on api-2>\n"
                        + "• Incident <http://localhost:8083/v1/incidents/" + incidentId + "|Checkout errors>\n"
                        + "• Question <" + link + "question/" + questionId + "|Is the VPN down?>");
        await().atMost(WAIT).until(() -> Db.processed(dataSource, "announcements", second.eventId()));
        given().auth().oauth2(NotificationTestResource.API_KEY).queryParam("team", team)
                .queryParam("kind", "ANNOUNCEMENT").get("/v1/notifications").then().statusCode(200)
                .body("items.findAll { it.subjectType == 'shift' }", hasSize(1))
                .body("items.find { it.subjectType == 'shift' }.subjectId", equalTo(today.shiftId().toString()));
        assertThat(receiver.announcementsContaining("Today's MRO for " + teamName)).hasSize(1);
    }

    @Test
    void twoReplicasTakingTheSameDayAtOnceQueueOneAnnouncement() throws Exception {
        String team = unique("replicas");
        EventEnvelope first = envelope(mroShift(team, "alice", NINE), 1);
        EventEnvelope second = envelope(mroShift(team, "bob", NINE.plusSeconds(1)), 2);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> handled = List.of(first, second).stream().map(event -> replicas.submit(() -> {
                start.await();
                QuarkusTransaction.requiringNew().run(() -> announcements.handle(event));
                return null;
            })).collect(java.util.stream.Collectors.toList());
            start.countDown();
            for (Future<?> future : handled) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            replicas.shutdownNow();
        }

        assertThat(Db.rows(dataSource, "select notification_id from notification where team = ? and kind = "
                + "'ANNOUNCEMENT' and subject_type = 'shift'", team)).hasSize(1);
    }

    @Test
    void theRebuiltDigestProjectionEqualsTheLiveOne() {
        String team = unique("digest-rebuild");
        EventTopics.produce(envelope(alert(team, "mem", "memory", NINE.minus(Duration.ofHours(4))), 1));
        EventEnvelope resolved = envelope(new AlertEvent.AlertResolved(team, "int-1", "alertmanager", "mem",
                NINE.minus(Duration.ofHours(3)), NINE.minus(Duration.ofHours(3))), 2);
        EventTopics.produce(resolved);
        UUID questionId = UUID.randomUUID();
        // closed before it is seen asked: the row merges both whatever the order
        EventTopics.produce(envelope(new QuestionEvent.QuestionClosed(questionId, team, "duplicate", "bob",
                NINE.minus(Duration.ofMinutes(30))), 2));
        EventEnvelope asked = envelope(new QuestionEvent.QuestionAsked(questionId, team, "api", "dan", "why?", null,
                NINE.minus(Duration.ofHours(1))), 1);
        EventTopics.produce(asked);
        await().atMost(WAIT).until(() -> Db.processed(dataSource, DigestProjection.NAME, asked.eventId()));
        await().atMost(WAIT).until(() -> Db.processed(dataSource, "paging", resolved.eventId()));
        List<Map<String, Object>> live = rows(team);
        assertThat(live).hasSize(2).allSatisfy(row -> assertThat(row.get("closed_at")).isNotNull());

        Db.rows(dataSource, "delete from digest_item where team = ? returning team", team); // drift to repair
        given().auth().oauth2(NotificationTestResource.API_KEY).post("/admin/projections/digest/rebuild")
                .then().statusCode(200).body("eventsApplied", greaterThan(0));

        assertThat(rows(team)).isEqualTo(live);
    }

    private List<Map<String, Object>> rows(String team) {
        return Db.rows(dataSource, """
                select kind, item_id, title, arrived_at, closed_at from digest_entry where team = ?
                order by kind, item_id""", team);
    }

    private static AlertEvent.AlertReceived alert(String team, String dedupKey, String summary, Instant startsAt) {
        return new AlertEvent.AlertReceived(team, "int-1", "alertmanager", dedupKey, Priority.P2, summary, Map.of(),
                Map.of("alertname", dedupKey), List.of(), startsAt, startsAt.plusSeconds(1));
    }
}

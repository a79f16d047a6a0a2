package io.commandpost.notification.paging;

import static io.commandpost.notification.support.TestEvents.T0;
import static io.commandpost.notification.support.TestEvents.alert;
import static io.commandpost.notification.support.TestEvents.envelope;
import static io.commandpost.notification.support.TestEvents.mroShift;
import static io.commandpost.notification.support.TestEvents.resolved;
import static io.commandpost.notification.support.TestEvents.teamCreated;
import static io.commandpost.notification.support.TestEvents.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.agroal.api.AgroalDataSource;
import io.commandpost.events.AlertEvent;
import io.commandpost.events.EventEnvelope;
import io.commandpost.events.TeamEvent;
import io.commandpost.events.Topics;
import io.commandpost.infra.test.LocalInfraResource;
import io.commandpost.notification.support.EventTopics;
import io.commandpost.notification.delivery.WebhookSignature;
import io.commandpost.notification.oncall.OnCallDirectory;
import io.commandpost.notification.oncall.Recipient;
import io.commandpost.notification.support.Db;
import io.commandpost.notification.support.NotificationTestResource;
import io.commandpost.notification.support.TestClock;
import io.commandpost.notification.support.TestWebhookReceiver;
import io.commandpost.notification.support.TestWebhookReceiver.ReceivedPage;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = LocalInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "commandpost_notification"))
@QuarkusTestResource(NotificationTestResource.class)
class PagingFlowIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    OnCallDirectory onCall;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TestClock clock;

    private final TestWebhookReceiver receiver = TestWebhookReceiver.get();

    @Test
    void pagesTheCurrentMroThroughASignedWebhookAndPublishesNotificationSent() {
        String team = teamWithMro("alice");
        EventEnvelope fired = envelope(alert(team, "disk-full"), 0);
        EventTopics.produce(fired);

        await().atMost(WAIT).until(() -> receiver.pagesFor(team).size() == 1);
        ReceivedPage page = receiver.pagesFor(team).get(0);
        assertThat(WebhookSignature.verify(NotificationTestResource.SECRET, Long.parseLong(page.timestamp()),
                page.body(), page.signature())).isTrue();
        assertThat(page.json().path("recipient").path("handle").asText()).isEqualTo("alice");
        assertThat(page.json().path("recipient").path("email").asText()).isEqualTo("alice@example.com");
        assertThat(page.json().path("alert").path("dedupKey").asText()).isEqualTo("disk-full");
        assertThat(page.json().path("alert").path("priority").asText()).isEqualTo("P1");
        assertThat(page.json().path("triggeredBy").asText()).isEqualTo(fired.eventId().toString());
        String notificationId = page.json().path("notificationId").asText();
        assertThat(page.eventId()).isEqualTo(notificationId);

        await().atMost(WAIT).untilAsserted(() -> notifications(team)
                .body("items", hasSize(1))
                .body("items[0].notificationId", equalTo(notificationId))
                .body("items[0].status", equalTo("SENT"))
                .body("items[0].kind", equalTo("PAGE"))
                .body("items[0].recipient", equalTo("alice"))
                .body("items[0].subjectId", equalTo("disk-full"))
                .body("items[0].attempts", equalTo(1)));

        EventEnvelope envelope = EventTopics.awaitEnvelope(Topics.NOTIFICATIONS,
                candidate -> notificationId.equals(candidate.aggregateId()), WAIT);
        assertThat(envelope.eventType()).isEqualTo("notification.sent");
        assertThat(envelope.causationId()).isEqualTo(fired.eventId());
        assertThat(envelope.correlationId()).isEqualTo(fired.correlationId());
        assertThat(envelope.data().path("recipient").asText()).isEqualTo("alice");
        assertThat(envelope.data().path("attempts").asInt()).isEqualTo(1);
    }

    @Test
    void aDuplicateEnvelopeAndARepeatOfAnOpenAlertPageNobodyAgain() {
        String team = teamWithMro("bob");
        EventEnvelope fired = envelope(alert(team, "cpu-high"), 0);
        EventEnvelope repeat = envelope(alert(team, "cpu-high"), 0);
        EventTopics.produce(fired);
        EventTopics.produce(fired);
        EventTopics.produce(repeat);

        // same key, same partition: once the repeat is applied, so is everything before it
        await().atMost(WAIT).until(() -> Db.processed(dataSource, "paging", repeat.eventId()));
        await().atMost(WAIT).untilAsserted(() -> notifications(team)
                .body("items", hasSize(1))
                .body("items[0].status", equalTo("SENT")));
        assertThat(receiver.pagesFor(team)).hasSize(1);
    }

    @Test
    void aFiringThatStartsAfterTheResolveOpensANewOccurrenceAndPagesAgainButALateCopyPagesNobody() {
        String team = teamWithMro("carol");
        EventTopics.produce(envelope(alert(team, "latency"), 0));
        await().atMost(WAIT).until(() -> receiver.pagesFor(team).size() == 1);

        EventTopics.produce(envelope(resolved(team, "latency"), 0));
        EventEnvelope lateCopy = envelope(alert(team, "latency"), 0); // same start as the resolved firing
        EventTopics.produce(lateCopy);
        AlertEvent.AlertReceived later = alert(team, "latency");
        EventEnvelope refire = envelope(new AlertEvent.AlertReceived(team, later.integration(), later.source(),
                "latency", later.priority(), later.summary(), later.details(), later.labels(), later.links(),
                T0.plusSeconds(900), T0.plusSeconds(905)), 0);
        EventTopics.produce(refire);

        await().atMost(WAIT).until(() -> receiver.pagesFor(team).size() == 2);
        await().atMost(WAIT).until(() -> Db.processed(dataSource, "paging", refire.eventId()));
        List<String> triggers = receiver.pagesFor(team).stream()
                .map(page -> page.json().path("triggeredBy").asText()).toList();
        assertThat(triggers).contains(refire.eventId().toString()).doesNotContain(lateCopy.eventId().toString());
    }

    @Test
    void retriesAFailingReceiverWithBackoffUntilItAccepts() {
        String team = teamWithMro("dave");
        receiver.answer(team, 500, 500);
        EventTopics.produce(envelope(alert(team, "queue-stuck"), 0));

        await().atMost(WAIT).untilAsserted(() -> notifications(team)
                .body("items[0].status", equalTo("SENT"))
                .body("items[0].attempts", equalTo(3)));
        List<ReceivedPage> pages = receiver.pagesFor(team);
        assertThat(pages).hasSize(3);
        assertThat(pages).extracting(page -> page.json().path("notificationId").asText()).containsOnly(
                pages.get(0).json().path("notificationId").asText());
    }

    @Test
    void givesUpAfterMaxAttemptsAndPublishesNotificationFailed() {
        String team = teamWithMro("erin");
        receiver.answer(team, 500, 502, 503, 500, 500, 500);
        EventTopics.produce(envelope(alert(team, "never-accepted"), 0));

        await().atMost(WAIT).untilAsserted(() -> notifications(team)
                .body("items[0].status", equalTo("FAILED"))
                .body("items[0].attempts", equalTo(5))
                .body("items[0].reason", equalTo("receiver answered HTTP 500")));
        String notificationId = JsonPath.from(notifications(team).extract().asString())
                .getString("items[0].notificationId");
        EventEnvelope failed = EventTopics.awaitEnvelope(Topics.NOTIFICATIONS,
                candidate -> notificationId.equals(candidate.aggregateId()), WAIT);
        assertThat(failed.eventType()).isEqualTo("notification.failed");
        assertThat(failed.data().path("attempts").asInt()).isEqualTo(5);
        assertThat(receiver.pagesFor(team)).hasSize(5);
    }

    @Test
    void anAlertThatOvertakesTheTeamsFirstShiftPagesTheMroOnceTheShiftArrives() {
        String team = unique("early");
        EventEnvelope fired = envelope(alert(team, "too-early"), 0);
        EventTopics.produce(fired);

        await().atMost(WAIT).until(() -> Db.processed(dataSource, "paging", fired.eventId()));
        notifications(team)
                .body("items", hasSize(1))
                .body("items[0].kind", equalTo("PAGE"))
                .body("items[0].status", equalTo("PENDING"))
                .body("items[0].recipient", nullValue())
                .body("items[0].resolveUntil", notNullValue())
                .body("items[0].attempts", equalTo(0));
        assertThat(receiver.pagesFor(team)).isEmpty();

        EventTopics.produce(envelope(teamCreated(team, "fay", "zed"), 1));
        EventTopics.produce(envelope(mroShift(team, "fay", T0), 1));

        await().atMost(WAIT).until(() -> receiver.pagesFor(team).size() == 1);
        ReceivedPage page = receiver.pagesFor(team).get(0);
        assertThat(page.json().path("recipient").path("handle").asText()).isEqualTo("fay");
        assertThat(page.json().path("triggeredBy").asText()).isEqualTo(fired.eventId().toString());
        await().atMost(WAIT).untilAsserted(() -> notifications(team)
                .body("items", hasSize(1))
                .body("items[0].status", equalTo("SENT"))
                .body("items[0].recipient", equalTo("fay"))
                .body("items[0].attempts", equalTo(1)));
    }

    @Test
    void anAlertForATeamWithoutMroFailsWithNotificationFailedWhenTheGracePeriodEnds() {
        String team = unique("ghosts");
        EventEnvelope fired = envelope(alert(team, "orphan"), 0);
        EventTopics.produce(fired);

        await().atMost(WAIT).until(() -> Db.processed(dataSource, "paging", fired.eventId()));
        String notificationId = JsonPath.from(notifications(team)
                        .body("items", hasSize(1))
                        .body("items[0].status", equalTo("PENDING"))
                        .extract().asString())
                .getString("items[0].notificationId");

        clock.advance(Duration.ofMinutes(2).plusSeconds(1)); // the default grace period

        await().atMost(WAIT).untilAsserted(() -> notifications(team)
                .body("items", hasSize(1))
                .body("items[0].status", equalTo("FAILED"))
                .body("items[0].reason", equalTo("no MRO on duty"))
                .body("items[0].attempts", equalTo(0)));
        given().auth().oauth2(NotificationTestResource.API_KEY).get("/v1/notifications/" + notificationId)
                .then().statusCode(200).body("status", equalTo("FAILED"));
        EventEnvelope failed = EventTopics.awaitEnvelope(Topics.NOTIFICATIONS,
                candidate -> notificationId.equals(candidate.aggregateId()), WAIT);
        assertThat(failed.eventType()).isEqualTo("notification.failed");
        assertThat(failed.causationId()).isEqualTo(fired.eventId());
        assertThat(failed.data().path("reason").asText()).isEqualTo("no MRO on duty");
        assertThat(failed.data().path("subjectType").asText()).isEqualTo("alert");
        assertThat(receiver.pagesFor(team)).isEmpty();
    }

    @Test
    void listingRequiresAnApiKeyAndATeam() {
        given().get("/v1/notifications?team=payments").then().statusCode(401);
        given().auth().oauth2(NotificationTestResource.API_KEY).get("/v1/notifications")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(NotificationTestResource.API_KEY).get("/v1/notifications?team=x&limit=abc")
                .then().statusCode(400);
        given().auth().oauth2(NotificationTestResource.API_KEY).get("/v1/notifications?team=x&kind=sms")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(NotificationTestResource.API_KEY).get("/v1/notifications/not-a-uuid")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anAddOnlyOverridePagesBothPeopleOnDutyAndItsCancellationOnlyTheShiftsPersonAgain() {
        String team = teamWithMro("gina");
        java.util.UUID overrideId = java.util.UUID.randomUUID();
        java.time.Instant now = clock.instant();
        EventTopics.produce(envelope(new TeamEvent.OverrideRecorded(team, overrideId, null, "zed", null,
                now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofHours(1)), "test", now), 2));
        // what paging keeps in memory of the team follows the projection (TeamViews): both are on duty at once
        await().atMost(WAIT).until(() -> onCall.allOnDutyAt(team, clock.instant()).size() == 2);
        given().auth().oauth2(NotificationTestResource.API_KEY).get("/v1/teams/{team}/on-duty", team).then()
                .statusCode(200).body("onDuty.handle", equalTo("gina")).body("members.handle", equalTo(List.of("gina", "zed")));

        EventTopics.produce(envelope(alert(team, "both"), 0));
        await().atMost(WAIT).until(() -> receiver.pagesFor(team).size() == 2);
        assertThat(receiver.pagesFor(team)).extracting(page -> page.json().path("recipient").path("handle").asText())
                .containsExactlyInAnyOrder("gina", "zed");

        EventTopics.produce(envelope(new TeamEvent.OverrideCancelled(team, overrideId, clock.instant()), 3));
        await().atMost(WAIT).until(() -> onCall.allOnDutyAt(team, clock.instant()).size() == 1);
        EventEnvelope next = envelope(alert(team, "only-gina"), 0);
        EventTopics.produce(next);
        await().atMost(WAIT).until(() -> receiver.pagesFor(team).size() == 3);
        assertThat(receiver.pagesFor(team).get(2).json().path("recipient").path("handle").asText()).isEqualTo("gina");
    }

    private String teamWithMro(String member) {
        String team = unique("team");
        // every alert pages here: flood control has its own test (FloodControlIT)
        given().auth().oauth2(NotificationTestResource.API_KEY).contentType("application/json")
                .body("{\"steps\":[{\"delayMinutes\":10,\"targets\":[\"on-duty\"]}],\"repeat\":0,\"floodWindowSeconds\":0}")
                .put("/v1/teams/{team}/paging-policy", team).then().statusCode(200);
        EventTopics.produce(envelope(teamCreated(team, member, "zed"), 1));
        EventTopics.produce(envelope(mroShift(team, member, T0), 1));
        await().atMost(WAIT).until(() -> onCall.currentMro(team)
                .equals(Optional.of(new Recipient(member, capitalized(member), member + "@example.com", "U-" + member))));
        return team;
    }

    private static io.restassured.response.ValidatableResponse notifications(String team) {
        return given().auth().oauth2(NotificationTestResource.API_KEY).queryParam("team", team)
                .queryParam("kind", "page").get("/v1/notifications").then().statusCode(200);
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}

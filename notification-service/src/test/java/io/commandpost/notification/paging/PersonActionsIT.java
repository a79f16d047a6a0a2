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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.agroal.api.AgroalDataSource;
import io.commandpost.events.AlertEvent;
import io.commandpost.events.EventEnvelope;
import io.commandpost.events.Topics;
import io.commandpost.events.lifecycle.AlertState;
import io.commandpost.infra.test.LocalInfraResource;
import io.commandpost.infra.test.TestTokens;
import io.commandpost.platform.security.Roles;
import io.commandpost.notification.support.Db;
import io.commandpost.notification.support.EventTopics;
import io.commandpost.notification.support.NotificationTestResource;
import io.commandpost.notification.support.TestWebhookReceiver;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** People act on alerts through the API; each act is a person event on the alerts topic that paging folds. */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "commandpost_notification"))
@QuarkusTestResource(NotificationTestResource.class)
class PersonActionsIT {

    private static final Duration WAIT = Duration.ofSeconds(60); // Kafka consumers on a CI machine at load 40

    @Inject
    AlertLifecycles lifecycles;

    @Inject
    AgroalDataSource dataSource;

    private final TestWebhookReceiver receiver = TestWebhookReceiver.get();

    @Test
    void anAcknowledgeByANamedPersonIsPublishedKeyedByDedupKeyAndFoldedByPaging() {
        String team = firingTeam("alice", "disk-full");

        String eventId = act(team, "disk-full", "acknowledge", "alice").statusCode(202)
                .body("eventType", equalTo("alert.acknowledged-by"))
                .body("person", equalTo("alice"))
                .body("eventId", notNullValue())
                .extract().path("eventId");

        EventEnvelope published = EventTopics.awaitEnvelope(Topics.ALERTS,
                e -> e.eventId().toString().equals(eventId), WAIT);
        assertThat(published.aggregateId()).isEqualTo("disk-full");
        assertThat(published.data().path("person").asText()).isEqualTo("alice");
        assertThat(published.data().path("via").asText()).isEqualTo("api");
        await().atMost(WAIT).until(() -> state(team, "disk-full").map(AlertState::acknowledgedBy)
                .equals(Optional.of("alice")));

        act(team, "disk-full", "acknowledge", "bob").statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("alice"));
        act(team, "disk-full", "unacknowledge", "alice").statusCode(202);
        await().atMost(WAIT).until(() -> !state(team, "disk-full").orElseThrow().isAcknowledged());
    }

    @Test
    void aPersonsResolveClosesTheAlertTheToolsLaterResolveChangesNothingAndOnlyALaterFiringPagesAgain() {
        String team = firingTeam("carol", "latency");
        await().atMost(WAIT).until(() -> receiver.pagesFor(team).size() == 1);

        given().auth().oauth2(TestTokens.person("carol", "responder"))
                .contentType("application/json").body("{\"text\":\"rolled back build 42\"}")
                .post("/v1/teams/{team}/alerts/{key}/notes", team, "latency").then().statusCode(202)
                .body("eventType", equalTo("alert.note-added"));
        act(team, "latency", "resolve", "carol").statusCode(202);
        await().atMost(WAIT).until(() -> !state(team, "latency").orElseThrow().isOpen());
        assertThat(state(team, "latency").orElseThrow().resolvedBy()).isEqualTo("carol");
        assertThat(state(team, "latency").orElseThrow().notes()).isEqualTo(1);

        EventEnvelope toolResolve = envelope(resolved(team, "latency"), 0);
        EventTopics.produce(toolResolve);
        EventEnvelope repeat = envelope(alert(team, "latency"), 0); // same start: the occurrence carol closed
        EventTopics.produce(repeat);
        await().atMost(WAIT).until(() -> Db.processed(dataSource, "paging", repeat.eventId()));
        assertThat(state(team, "latency").orElseThrow().resolvedBy()).isEqualTo("carol");
        assertThat(state(team, "latency").orElseThrow().isOpen()).isFalse();
        act(team, "latency", "acknowledge", "carol").statusCode(409);

        AlertEvent.AlertReceived first = alert(team, "latency");
        EventTopics.produce(envelope(new AlertEvent.AlertReceived(team, first.integration(), first.source(), "latency",
                first.priority(), first.summary(), first.details(), first.labels(), first.links(),
                T0.plusSeconds(3_600), T0.plusSeconds(3_601)), 0));
        await().atMost(WAIT).until(() -> receiver.pagesFor(team).size() == 2);
        assertThat(state(team, "latency").orElseThrow().occurrence()).isEqualTo(2);
        assertThat(receiver.pagesFor(team)).hasSize(2);
    }

    @Test
    void actsNeedAResponderAndAKnownAlertAndAnswerProblemJson() {
        String team = firingTeam("dave", "cpu");
        given().auth().oauth2(TestTokens.person("dave", "viewer"))
                .post("/v1/teams/{team}/alerts/{key}/acknowledge", team, "cpu").then().statusCode(403)
                .contentType("application/problem+json").body("requestId", notNullValue());
        act(team, "never-fired", "resolve", "dave").statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.person("dave", "responder"))
                .contentType("application/json").body("{\"text\":\" \"}")
                .post("/v1/teams/{team}/alerts/{key}/notes", team, "cpu").then().statusCode(400)
                .contentType("application/problem+json");
        given().post("/v1/teams/{team}/alerts/{key}/acknowledge", team, "cpu").then().statusCode(401)
                .contentType("application/problem+json");
        // naming someone else is for service keys only
        given().auth().oauth2(NotificationTestResource.API_KEY).header(Roles.ON_BEHALF_OF, "dave")
                .post("/v1/teams/{team}/alerts/{key}/acknowledge", team, "cpu").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.person("zed", "responder")).header(Roles.ON_BEHALF_OF, "dave")
                .post("/v1/teams/{team}/alerts/{key}/acknowledge", team, "cpu").then().statusCode(403);
    }

    @Test
    void theAcknowledgementIsRecordedUnderTheTokensHandleNeverAHeaderOrBody() {
        String team = firingTeam("erin", "mem");
        given().auth().oauth2(TestTokens.person("erin", "responder")).header("X-CommandPost-Actor", "mallory")
                .contentType("application/json").body("{\"by\":\"mallory\"}")
                .post("/v1/teams/{team}/alerts/{key}/acknowledge", team, "mem").then().statusCode(202)
                .body("person", equalTo("erin"));
        await().atMost(WAIT).until(() -> state(team, "mem").orElseThrow().isAcknowledged());
        assertThat(state(team, "mem").orElseThrow().acknowledgedBy()).isEqualTo("erin");
    }

    @Test
    void aServiceKeyActsForThePersonItNamesAndAnApiKeyUnderItsName() {
        String team = firingTeam("fay", "io");
        given().auth().oauth2(NotificationTestResource.SERVICE_KEY).header(Roles.ON_BEHALF_OF, "fay")
                .post("/v1/teams/{team}/alerts/{key}/acknowledge", team, "io").then().statusCode(202)
                .body("person", equalTo("fay"));
        await().atMost(WAIT).until(() -> state(team, "io").orElseThrow().isAcknowledged());
        assertThat(state(team, "io").orElseThrow().acknowledgedBy()).isEqualTo("fay");
        given().auth().oauth2(NotificationTestResource.API_KEY).contentType("application/json")
                .body("{\"text\":\"looked at it\"}")
                .post("/v1/teams/{team}/alerts/{key}/notes", team, "io").then().statusCode(202)
                .body("person", equalTo("api-key"));
    }

    private String firingTeam(String member, String dedupKey) {
        String team = unique("acts");
        // every alert pages here: flood control has its own test (FloodControlIT)
        given().auth().oauth2(NotificationTestResource.API_KEY).contentType("application/json")
                .body("{\"steps\":[{\"delayMinutes\":10,\"targets\":[\"on-duty\"]}],\"repeat\":0,\"floodWindowSeconds\":0}")
                .put("/v1/teams/{team}/paging-policy", team).then().statusCode(200);
        EventTopics.produce(envelope(teamCreated(team, member, "zed"), 1));
        EventTopics.produce(envelope(mroShift(team, member, T0), 1));
        EventTopics.produce(envelope(alert(team, dedupKey), 0));
        await().atMost(WAIT).until(() -> state(team, dedupKey).isPresent());
        return team;
    }

    private Optional<AlertState> state(String team, String dedupKey) {
        return lifecycles.find(team, dedupKey);
    }

    private static ValidatableResponse act(String team, String dedupKey, String act, String person) {
        return given().auth().oauth2(TestTokens.person(person, "responder"))
                .post("/v1/teams/{team}/alerts/{key}/" + act, team, dedupKey).then();
    }
}

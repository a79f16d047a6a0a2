package io.commandpost.incident.incident;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.commandpost.events.AlertEvent;
import io.commandpost.events.EventEnvelope;
import io.commandpost.events.IncidentEvent;
import io.commandpost.events.DomainEvent;
import io.commandpost.events.Priority;
import io.commandpost.events.ShiftEvent;
import io.commandpost.events.ShiftKind;
import io.commandpost.events.TeamEvent;
import io.commandpost.events.Topics;
import io.commandpost.incident.MutableClock;
import io.commandpost.infra.test.LocalInfraResource;
import io.commandpost.infra.test.TestTokens;
import io.commandpost.infra.test.TestKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The incident API against the real broker and database, with the application's clock moved by hand. */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraResource.class,
        initArgs = @ResourceArg(name = LocalInfraResource.DATABASE_ARG, value = "commandpost_incident"))
class IncidentFlowIT {

    private static final String API_KEY = "test-key";
    private static final Duration EVENTUALLY = Duration.ofSeconds(60); // Kafka consumers on a CI machine at load 40

    @Inject
    MutableClock clock;

    @Test
    void declareFromTwoAlertsDelegateRefuseTheCommanderRemindMitigateResolveAndExportThePostmortem() {
        String team = "payments-" + UUID.randomUUID().toString().substring(0, 8);
        Instant base = clock.advance(Duration.ofHours(6));
        produce(alert(team, "db-down", base.minus(Duration.ofMinutes(12)), "primary unreachable"));
        produce(alert(team, "checkout-5xx", base.minus(Duration.ofMinutes(10)), "checkout 5xx"));
        await().atMost(EVENTUALLY).untilAsserted(() -> queue(team).body("items.id",
                equalTo(List.of("db-down", "checkout-5xx"))));

        // declare from two alerts: alice is Incident Commander, the alerts are linked
        // (a "by" in the body is ignored: who acts is the token's person)
        String id = as("alice").contentType(ContentType.JSON)
                .body(Map.of("team", team, "title", "Checkout down", "severity", "SEV1",
                        "alertKeys", List.of("db-down", "checkout-5xx"), "by", "mallory"))
                .post("/v1/incidents").then().statusCode(201)
                .header("ETag", "\"2\"")
                .body("commander", equalTo("alice"))
                .body("alertKeys", equalTo(List.of("db-down", "checkout-5xx")))
                .body("impactStartedAt", equalTo(base.minus(Duration.ofMinutes(12)).toString()))
                .extract().path("incidentId");
        await().atMost(EVENTUALLY).untilAsserted(() -> queue(team).body("items.kind",
                equalTo(List.of("ALERT", "ALERT", "INCIDENT"))));

        // find experts through the team directory's skills: never the commander, who is on duty noted
        String dba = "dba-" + team;
        produce(new TeamEvent.TeamCreated(team, "Payments", "Europe/Paris", List.of(member("alice", "postgres"),
                member("bob", "postgres", "kafka"), member("carol", "Postgres"), member("dave")),
                List.of("alice", "bob", "carol", "dave"), "09:00", base.minus(Duration.ofDays(30))));
        produce(new TeamEvent.TeamCreated(dba, "DBA", "Europe/Paris", List.of(member("erin", "postgres")),
                List.of("erin"), "09:00", base.minus(Duration.ofDays(30))));
        produce(new ShiftEvent.ShiftStarted(team, UUID.randomUUID(), ShiftKind.MRO_DAY, "carol",
                base.minus(Duration.ofHours(1)), base.plus(Duration.ofHours(23)), null, null, false,
                base.minus(Duration.ofHours(1))));
        await().atMost(EVENTUALLY).untilAsserted(() -> given().auth().oauth2(API_KEY)
                .get("/v1/incidents/{id}/experts?skill=postgres", id).then().statusCode(200)
                .body("handle", equalTo(List.of("carol", "bob", "erin")))
                .body("team", equalTo(List.of(team, team, dba)))
                .body("onDuty", equalTo(List.of(List.of("MRO_DAY"), List.of(), List.of()))));
        // the directory rebuilds from the topics to the same answer
        given().auth().oauth2(API_KEY).post("/admin/projections/{name}/rebuild", "team-directory").then()
                .statusCode(200);
        given().auth().oauth2(API_KEY).get("/v1/incidents/{id}/experts?skill=postgres", id).then().statusCode(200)
                .body("handle", equalTo(List.of("carol", "bob", "erin")))
                .body("onDuty", equalTo(List.of(List.of("MRO_DAY"), List.of(), List.of())));
        given().auth().oauth2(API_KEY).get("/v1/teams/{team}/experts?skill=kafka", team).then().statusCode(200)
                .body("handle", equalTo(List.of("bob")));
        given().auth().oauth2(API_KEY).get("/v1/incidents/{id}/experts", id).then().statusCode(400)
                .contentType("application/problem+json");

        // assign roles: an expert must be a member of a team of the directory
        clock.set(base.plus(Duration.ofMinutes(1)));
        post("alice", id, "/roles", Map.of("role", "COMMUNICATIONS_LEAD", "person", "dave")).statusCode(200);
        post("alice", id, "/roles", Map.of("role", "EXPERT", "person", "mallory")).statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("mallory is not a member of any team in the team directory"));
        post("alice", id, "/roles", Map.of("role", "EXPERT", "person", "bob")).statusCode(200);

        // delegate
        clock.set(base.plus(Duration.ofMinutes(2)));
        String taskId = as("alice").contentType(ContentType.JSON)
                .body(Map.of("title", "Fail over the database", "assignee", "bob"))
                .post("/v1/incidents/{id}/tasks", id).then().statusCode(201)
                .body("tasks[0].dueAt", equalTo(base.plus(Duration.ofMinutes(62)).toString()))
                .extract().path("tasks[0].taskId");

        // the commander is refused as an assignee, with the reason and the way out
        post("alice", id, "/tasks", Map.of("title", "Restart checkout", "assignee", "alice"))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("alice is the Incident Commander"))
                .body("detail", containsString("hand off command first"));
        // and stale writers are refused too
        as("alice").header("If-Match", "\"1\"").post("/v1/incidents/{id}/acknowledge", id).then().statusCode(412);

        clock.set(base.plus(Duration.ofMinutes(3)));
        post("alice", id, "/acknowledge", Map.of()).statusCode(200);

        // nobody posts an update for 30 minutes (SEV1): the durable timer raises the reminder, once
        clock.set(base.plus(Duration.ofMinutes(30)));
        ConsumerRecord<String, byte[]> due = TestKafka.awaitRecord(Topics.INCIDENTS,
                record -> id.equals(record.key()) && TestKafka.ofType("incident.status-update-due").test(record),
                EVENTUALLY);
        EventEnvelope reminder = TestKafka.envelope(due);
        assertThat(reminder.event()).contains(new IncidentEvent.StatusUpdateDue(UUID.fromString(id), "alice", "dave",
                base.plus(Duration.ofMinutes(30)), base.plus(Duration.ofMinutes(30))));
        post("dave", id, "/status-updates", Map.of("audience", "EXTERNAL", "text", "Failing over"))
                .statusCode(200)
                .body("nextUpdateDueAt", equalTo(base.plus(Duration.ofMinutes(60)).toString()));

        clock.set(base.plus(Duration.ofMinutes(35)));
        post("bob", id, "/tasks/" + taskId + "/complete", Map.of()).statusCode(200)
                .body("tasks[0].status", equalTo("DONE")).body("tasks[0].closedBy", equalTo("bob"));
        post("alice", id, "/mitigate", Map.of("note", "failed over")).statusCode(200);

        clock.set(base.plus(Duration.ofMinutes(90)));
        post("alice", id, "/resolve", Map.of("summary", "primary disk full")).statusCode(200)
                .body("status", equalTo("RESOLVED"));
        await().atMost(EVENTUALLY).untilAsserted(() -> queue(team).body("items.kind", not(hasItem("INCIDENT"))));

        given().auth().oauth2(API_KEY).get("/v1/incidents/{id}/timeline", id).then().statusCode(200)
                .body("type", hasItem("incident.status-update-due"))
                .body("[0].type", equalTo("incident.declared"));
        String postmortem = given().auth().oauth2(API_KEY).accept("text/markdown")
                .get("/v1/incidents/{id}/postmortem", id).then().statusCode(200)
                .contentType(containsString("text/markdown")).extract().asString();
        assertThat(postmortem)
                .contains("# Postmortem: Checkout down")
                .contains("| acknowledge | " + base.plus(Duration.ofMinutes(3)) + " | 15m 00s |")
                .contains("| declare | " + base + " | 12m 00s |")
                .contains("| mitigate | " + base.plus(Duration.ofMinutes(35)) + " | 47m 00s |")
                .contains("| resolve | " + base.plus(Duration.ofMinutes(90)) + " | 1h 42m 00s |")
                .contains("| communications lead | dave |", "| expert | bob |", "| Incident Commander | alice |")
                .contains("- `db-down`", "- `checkout-5xx`")
                .contains("| Fail over the database | bob |");
    }

    @Test
    void theSeveritiesAreTheInstallationsDefinitions() {
        given().auth().oauth2(API_KEY).get("/v1/incidents/severities").then().statusCode(200)
                .body("severity", equalTo(List.of("SEV1", "SEV2", "SEV3", "SEV4")))
                .body("[0].definition", equalTo("Critical: customers cannot use a core service"))
                .body("isDefault", equalTo(List.of(false, false, true, false)))
                .body("[0].updateEvery", equalTo("PT30M"));
    }

    @Test
    void anUnknownIncidentIs404AndAnUnknownAlertIsRefused() {
        given().auth().oauth2(API_KEY).get("/v1/incidents/{id}", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(API_KEY).contentType(ContentType.JSON)
                .body(Map.of("team", "nobody", "title", "x", "alertKeys", List.of("ghost")))
                .post("/v1/incidents").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("no alert 'ghost'"));
        given().auth().oauth2(API_KEY).contentType(ContentType.JSON)
                .body(Map.of("team", "nobody"))
                .post("/v1/incidents").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aViewerIsRefusedAnActionAndAnApiKeyActsUnderItsName() {
        String team = "viewers-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(TestTokens.person("vera", "viewer")).contentType(ContentType.JSON)
                .body(Map.of("team", team, "title", "Looks bad")).post("/v1/incidents").then().statusCode(403)
                .contentType("application/problem+json").body("requestId", notNullValue());
        given().contentType(ContentType.JSON).body(Map.of("team", team, "title", "Looks bad"))
                .post("/v1/incidents").then().statusCode(401).contentType("application/problem+json");

        given().auth().oauth2("ci-key").contentType(ContentType.JSON)
                .body(Map.of("team", team, "title", "Looks bad", "by", "alice")).post("/v1/incidents").then()
                .statusCode(201).body("commander", equalTo("ci"));
    }

    private static AlertEvent.AlertReceived alert(String team, String key, Instant startsAt, String summary) {
        return new AlertEvent.AlertReceived(team, "prom", "alertmanager", key, Priority.P1, summary, Map.of(),
                Map.of(), List.of(), startsAt, startsAt.plusSeconds(5));
    }

    private static TeamEvent.Member member(String handle, String... skills) {
        return new TeamEvent.Member(handle, handle, handle + "@example.com", null, null, List.of(skills));
    }

    private static void produce(AlertEvent.AlertReceived event) {
        TestKafka.produce(EventEnvelope.wrap(event, 0, event.receivedAt(), UUID.randomUUID(), UUID.randomUUID(), null,
                "test"));
    }

    private static void produce(DomainEvent event) {
        TestKafka.produce(EventEnvelope.wrap(event, 0, Instant.now(), UUID.randomUUID(), UUID.randomUUID(), null,
                "test"));
    }

    private static ValidatableResponse queue(String team) {
        return given().auth().oauth2(API_KEY).get("/v1/teams/{team}/queue", team).then().statusCode(200);
    }

    /** A request by a responder signed in as {@code person}. */
    private static RequestSpecification as(String person) {
        return given().auth().oauth2(TestTokens.person(person, "responder"));
    }

    private static ValidatableResponse post(String person, String id, String path, Map<String, ?> body) {
        return as(person).contentType(ContentType.JSON).body(body).post("/v1/incidents/" + id + path).then();
    }
}

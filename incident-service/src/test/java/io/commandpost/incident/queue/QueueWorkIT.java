package io.commandpost.incident.queue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.agroal.api.AgroalDataSource;
import io.commandpost.events.AlertEvent;
import io.commandpost.events.DomainEvent;
import io.commandpost.events.EventEnvelope;
import io.commandpost.events.Priority;
import io.commandpost.events.QuestionEvent;
import io.commandpost.events.ShiftEvent;
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
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The MRO works the queue over HTTP; events in and out on the real broker, rows in the real database. */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraResource.class,
        initArgs = @ResourceArg(name = LocalInfraResource.DATABASE_ARG, value = "commandpost_incident"))
class QueueWorkIT {

    private static final String API_KEY = "test-key";
    private static final String ALICE = TestTokens.person("alice", "responder");
    private static final Duration EVENTUALLY = Duration.ofSeconds(60); // Kafka consumers on a CI machine at load 40

    @Inject
    MutableClock clock;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theMroClaimsAnswersClosesSnoozesAndConvertsQuestionsAndSeesWhatChangedSinceTheHandover()
            throws SQLException {
        String team = "work-" + UUID.randomUUID().toString().substring(0, 8);
        Instant base = clock.advance(Duration.ofHours(12));
        UUID q1 = UUID.randomUUID();
        UUID q2 = UUID.randomUUID();
        UUID q3 = UUID.randomUUID();
        UUID q4 = UUID.randomUUID();
        produce(alert(team, "old-alert", Priority.P2, base.minus(Duration.ofHours(4))));
        for (UUID q : List.of(q1, q2, q3, q4)) {
            produce(new QuestionEvent.QuestionAsked(q, team, "slack", "U9", "question " + q, "C1/" + q,
                    base.minus(Duration.ofHours(3))));
        }
        produce(new ShiftEvent.ShiftHandedOver(team, UUID.randomUUID(), UUID.randomUUID(), "alice", team, "bob",
                "all quiet", List.of("alert:old-alert", "question:" + q3), base, base.minus(Duration.ofHours(1))));
        produce(alert(team, "late-alert", Priority.P3, base.minus(Duration.ofMinutes(30))));
        await().atMost(EVENTUALLY).untilAsserted(() -> queue(team, "").body("total", equalTo(6)));

        // paged and filterable, in the strict order
        queue(team, "?kind=question").body("items.id", equalTo(ids(q1, q2, q3, q4)));
        queue(team, "?kind=alert&since=" + base.minus(Duration.ofHours(2))).body("items.id",
                equalTo(List.of("late-alert")));
        queue(team, "?size=2&page=0").body("items.id", equalTo(List.of("old-alert", "late-alert")))
                .body("total", equalTo(6));
        queue(team, "?priority=P2").body("items.id", equalTo(List.of("old-alert")));
        given().auth().oauth2(API_KEY).get("/v1/teams/{team}/queue?kind=pony", team).then().statusCode(400)
                .contentType("application/problem+json");

        // claim, answer (back where it came from), close, snooze, turn into an incident
        act(team, q1, "claim", Map.of()).statusCode(200).body("claimedBy", equalTo("alice"));
        await().atMost(EVENTUALLY).untilAsserted(() -> given().auth().oauth2(API_KEY)
                .get("/v1/teams/{team}/queue/question/{id}", team, q1).then().statusCode(200)
                .body("owner", equalTo("alice")).body("lastActor", equalTo("alice"))
                .body("lastAction", equalTo("question.claimed")));
        act(team, q1, "answer", Map.of("answer", "Billing owns it")).statusCode(200)
                .body("status", equalTo("answered"));
        ConsumerRecord<String, byte[]> answered = TestKafka.awaitRecord(Topics.QUESTIONS,
                record -> q1.toString().equals(record.key())
                        && TestKafka.ofType("question.answered").test(record), EVENTUALLY);
        assertThat(TestKafka.envelope(answered).event()).contains(new QuestionEvent.QuestionAnswered(q1, team,
                "slack", "C1/" + q1, "Billing owns it", "alice", base));
        act(team, q2, "close", Map.of("reason", "duplicate of an earlier one")).statusCode(200);
        act(team, q2, "close", Map.of("reason", "again")).statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("left the queue"));
        act(team, q3, "snooze", Map.of("until", base.plus(Duration.ofHours(1)).toString(), "reason",
                "waiting for the vendor")).statusCode(200);
        given().auth().oauth2(ALICE).contentType(ContentType.JSON)
                .body(Map.of("severity", "SEV2"))
                .post("/v1/teams/{team}/questions/{id}/incident", team, q4).then().statusCode(201)
                .body("questionId", equalTo(q4.toString())).body("title", equalTo("question " + q4));

        await().atMost(EVENTUALLY).untilAsserted(() -> queue(team, "")
                .body("items.kind", equalTo(List.of("ALERT", "ALERT", "INCIDENT", "QUESTION")))
                .body("items[3].id", equalTo(q3.toString()))
                .body("items[3].owner", equalTo("bob")) // carried by the handover: the receiver owns it
                .body("items[3].lastActor", equalTo("alice"))
                .body("items[3].snoozedUntil", equalTo(base.plus(Duration.ofHours(1)).toString()))
                .body("items[0].owner", equalTo("bob")));

        given().auth().oauth2(API_KEY).get("/v1/teams/{team}/queue/since-handover", team).then().statusCode(200)
                .body("handedOverBy", equalTo("alice")).body("receivedBy", equalTo("bob"))
                .body("arrived.kind", equalTo(List.of("ALERT", "INCIDENT")))
                .body("closed.id", equalTo(ids(q1, q2, q4)))
                .body("stillOpen.size()", equalTo(4));

        await().atMost(EVENTUALLY).untilAsserted(() -> given().auth().oauth2(API_KEY)
                .get("/v1/teams/{team}/incidents?open=true", team).then().statusCode(200)
                .body("severity", equalTo(List.of("SEV2"))).body("status", equalTo(List.of("OPEN"))));
        await().atMost(EVENTUALLY).untilAsserted(() -> given().get("/q/metrics").then().statusCode(200)
                .body(containsString("commandpost_queue_depth{kind=\"QUESTION\",team=\"" + team + "\"} 1.0"))
                .body(containsString("commandpost_incidents_open{severity=\"SEV2\"}"))
                .body(containsString("commandpost_incident_time_to_resolve_seconds_bucket{le=\"+Inf\"}")));

        // the projections rebuild identical to the live ones, and the duration histograms count nothing twice
        Map<String, List<Map<String, Object>>> live = snapshot();
        List<String> histograms = durationCounts();
        assertThat(histograms).hasSize(2);
        for (String projection : List.of("mro-queue", "incidents")) {
            given().auth().oauth2(API_KEY).post("/admin/projections/{name}/rebuild", projection)
                    .then().statusCode(200);
        }
        assertThat(live.get("queue_activity")).isNotEmpty();
        assertThat(live.get("incident_summary")).isNotEmpty();
        assertThat(snapshot()).isEqualTo(live);
        assertThat(durationCounts()).isEqualTo(histograms);
    }

    /** The _count and _sum lines of both duration histograms. */
    private static List<String> durationCounts() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.matches("commandpost_incident_time_to_(acknowledge|resolve)_seconds_count .*"))
                .sorted().toList();
    }

    private static List<String> ids(UUID... ids) {
        return java.util.Arrays.stream(ids).map(UUID::toString).sorted().toList(); // same age: by id
    }

    private static AlertEvent.AlertReceived alert(String team, String key, Priority priority, Instant startsAt) {
        return new AlertEvent.AlertReceived(team, "prom", "alertmanager", key, priority, key + " firing", Map.of(),
                Map.of(), List.of(), startsAt, startsAt.plusSeconds(5));
    }

    private static void produce(DomainEvent event) {
        TestKafka.produce(EventEnvelope.wrap(event, 0, Instant.now(), UUID.randomUUID(), UUID.randomUUID(), null,
                "test"));
    }

    private static ValidatableResponse queue(String team, String query) {
        return given().auth().oauth2(API_KEY).get("/v1/teams/" + team + "/queue" + query).then().statusCode(200);
    }

    /** alice, signed in as a responder, works the question. */
    private static ValidatableResponse act(String team, UUID question, String action, Map<String, ?> body) {
        return given().auth().oauth2(ALICE).contentType(ContentType.JSON).body(body)
                .post("/v1/teams/{team}/questions/{id}/" + action, team, question).then();
    }

    private Map<String, List<Map<String, Object>>> snapshot() throws SQLException {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        tables.put("queue_item", rows("select * from queue_item order by team, kind, item_id"));
        tables.put("queue_activity", rows("select * from queue_activity order by team, kind, item_id"));
        tables.put("queue_handover", rows("select * from queue_handover order by team"));
        tables.put("incident_summary", rows("select * from incident_summary order by incident_id"));
        return tables;
    }

    private List<Map<String, Object>> rows(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            ResultSetMetaData columns = rows.getMetaData();
            List<Map<String, Object>> snapshot = new ArrayList<>();
            while (rows.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    row.put(columns.getColumnName(i), rows.getObject(i));
                }
                snapshot.add(row);
            }
            return snapshot;
        }
    }
}

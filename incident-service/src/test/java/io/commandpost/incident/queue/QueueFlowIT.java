package io.commandpost.incident.queue;

import static io.commandpost.incident.queue.Envelopes.produce;
import static io.commandpost.incident.queue.Events.acknowledged;
import static io.commandpost.incident.queue.Events.asked;
import static io.commandpost.incident.queue.Events.declared;
import static io.commandpost.incident.queue.Events.fired;
import static io.commandpost.incident.queue.Events.resolved;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.agroal.api.AgroalDataSource;
import io.commandpost.events.EventEnvelope;
import io.commandpost.events.Priority;
import io.commandpost.events.Topics;
import io.commandpost.infra.test.LocalInfraResource;
import io.commandpost.infra.test.TestKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Events in on the real broker, the queue out over HTTP. */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraResource.class,
        initArgs = @ResourceArg(name = LocalInfraResource.DATABASE_ARG, value = "commandpost_incident"))
class QueueFlowIT {

    private static final String API_KEY = "test-key";
    private static final Duration PROJECTED = Duration.ofSeconds(60); // Kafka consumers on a CI machine at load 40

    @Inject
    AgroalDataSource dataSource;

    @Test
    void queueShowsAlertsBeforeAQuestionPostedEarlier() {
        String team = uniqueTeam("order");
        UUID questionId = UUID.randomUUID();
        produce(asked(team, questionId, "how do I rotate the key?", 0));
        produce(fired(team, "disk-full", Priority.P4, 20, "disk 91% full"));
        produce(fired(team, "db-down", Priority.P1, 30, "primary unreachable"));

        await().atMost(PROJECTED).untilAsserted(() -> queue(team)
                .body("team", equalTo(team))
                .body("items.kind", contains("ALERT", "ALERT", "QUESTION"))
                .body("items.id", contains("db-down", "disk-full", questionId.toString())));

        queue(team)
                .body("items[0].priority", equalTo("P1"))
                .body("items[0].summary", equalTo("primary unreachable"))
                .body("items[0].openedAt", equalTo(Events.at(30).toString()))
                .body("items[0].occurrences", equalTo(1))
                .body("items[0].status", equalTo("OPEN"))
                .body("items[2].summary", equalTo("how do I rotate the key?"))
                .body("items[2].asker", equalTo("bob"))
                .body("items[2].openedAt", equalTo(Events.at(0).toString()))
                .body("items[2]", not(hasKey("priority")));
    }

    @Test
    void theSameEventDeliveredTwiceChangesNothing() {
        String team = uniqueTeam("dedup");
        EventEnvelope firing = Envelopes.envelope(fired(team, "api-5xx", Priority.P2, 0));
        TestKafka.produce(firing);
        TestKafka.produce(firing);

        await().atMost(PROJECTED).during(Duration.ofSeconds(1)).untilAsserted(() -> item(team, "alert", "api-5xx")
                .statusCode(200).body("occurrences", equalTo(1)));

        produce(fired(team, "api-5xx", Priority.P2, 0));
        // Same key, so same partition: once the resolve shows, every firing before it has been applied.
        produce(resolved(team, "api-5xx", 10));

        await().atMost(PROJECTED).untilAsserted(() -> item(team, "alert", "api-5xx")
                .statusCode(200).body("status", equalTo("RESOLVED")));
        item(team, "alert", "api-5xx").body("occurrences", equalTo(2));
        queue(team).body("items", empty());
    }

    @Test
    void anAcknowledgedAlertStaysInItsPlaceMarkedAcknowledged() {
        String team = uniqueTeam("ack");
        produce(fired(team, "db-down", Priority.P1, 0, "primary unreachable"));
        produce(fired(team, "disk-full", Priority.P2, 1, "disk 91% full"));
        EventEnvelope acknowledge = Envelopes.envelope(acknowledged(team, "db-down", 3));
        TestKafka.produce(acknowledge);
        TestKafka.produce(acknowledge); // a re-delivery
        produce(acknowledged(team, "db-down", 5)); // a second acknowledge keeps the first time

        await().atMost(PROJECTED).untilAsserted(() -> queue(team)
                .body("items.id", contains("db-down", "disk-full"))
                .body("items[0].acknowledged", equalTo(true))
                .body("items[1].acknowledged", equalTo(false)));
        // Same key, so same partition: once a later firing is counted, both acknowledges have been applied.
        produce(fired(team, "db-down", Priority.P1, 0, "primary unreachable"));
        await().atMost(PROJECTED).untilAsserted(() -> item(team, "alert", "db-down")
                .statusCode(200).body("occurrences", equalTo(2)));

        queue(team)
                .body("items[0].status", equalTo("OPEN"))
                .body("items[0].acknowledgedAt", equalTo(Events.at(3).toString()))
                .body("items[1]", not(hasKey("acknowledgedAt")));
        item(team, "alert", "db-down")
                .body("acknowledged", equalTo(true))
                .body("acknowledgedAt", equalTo(Events.at(3).toString()));
    }

    @Test
    void theQueueShowsWhoAcknowledgedAndWhoResolvedAndAPersonsResolveOutlivesTheTools() {
        String team = uniqueTeam("who");
        produce(fired(team, "db-down", Priority.P1, 0, "primary unreachable"));
        produce(new io.commandpost.events.AlertEvent.AlertAcknowledgedBy(team, "db-down", "alice", "api",
                Events.at(2)));
        await().atMost(PROJECTED).untilAsserted(() -> queue(team)
                .body("items[0].acknowledgedBy", equalTo("alice"))
                .body("items[0].acknowledgedAt", equalTo(Events.at(2).toString())));

        produce(new io.commandpost.events.AlertEvent.AlertResolvedBy(team, "db-down", "bob", "slack", Events.at(4)));
        produce(resolved(team, "db-down", 9)); // the tool's later resolve: recorded, no effect
        produce(fired(team, "db-down", Priority.P1, 0, "late copy")); // same start: the occurrence bob closed
        await().atMost(PROJECTED).during(Duration.ofSeconds(2)).untilAsserted(() -> item(team, "alert", "db-down")
                .statusCode(200)
                .body("status", equalTo("RESOLVED"))
                .body("resolvedBy", equalTo("bob"))
                .body("closedAt", equalTo(Events.at(4).toString()))
                .body("acknowledgedBy", equalTo("alice")));
        queue(team).body("items", empty());
    }

    @Test
    void anAcknowledgeOfAResolvedOrUnknownAlertChangesNothingVisible() {
        String team = uniqueTeam("ack-ignored");
        produce(fired(team, "gone", Priority.P2, 0));
        produce(resolved(team, "gone", 10));
        produce(acknowledged(team, "gone", 11));
        produce(resolved(team, "gone", 12)); // same key, same partition: marks that the acknowledge was applied
        produce(acknowledged(team, "ghost", 4));
        produce(resolved(team, "ghost", 5));

        await().atMost(PROJECTED).untilAsserted(() -> {
            item(team, "alert", "gone").statusCode(200).body("closedAt", equalTo(Events.at(12).toString()));
            item(team, "alert", "ghost").statusCode(200).body("status", equalTo("RESOLVED"));
        });
        item(team, "alert", "gone")
                .body("status", equalTo("RESOLVED"))
                .body("acknowledged", equalTo(false))
                .body("$", not(hasKey("acknowledgedAt")));
        item(team, "alert", "ghost").body("acknowledged", equalTo(false)).body("occurrences", equalTo(0));
        queue(team).body("items", empty());

        produce(fired(team, "gone", Priority.P2, 20)); // a new occurrence, never acknowledged
        await().atMost(PROJECTED).untilAsserted(() -> queue(team)
                .body("items.id", contains("gone"))
                .body("items[0].acknowledged", equalTo(false)));
    }

    @Test
    void rebuiltProjectionEqualsTheLiveOne() throws SQLException {
        String payments = uniqueTeam("payments");
        String search = uniqueTeam("search");
        UUID question = UUID.randomUUID();
        UUID otherQuestion = UUID.randomUUID();
        UUID incident = UUID.randomUUID();
        produce(fired(payments, "db-down", Priority.P3, 0));
        produce(asked(payments, question, "where is the runbook?", 1));
        produce(fired(search, "db-down", Priority.P2, 2));
        produce(acknowledged(search, "db-down", 4)); // acknowledged, then resolved below
        produce(fired(payments, "db-down", Priority.P1, 3));
        produce(resolved(payments, "db-down", 10));
        produce(fired(payments, "db-down", Priority.P1, 3)); // late copy: stays resolved
        produce(resolved(payments, "cache-miss", 12)); // resolve before any firing
        produce(fired(payments, "queue-lag", Priority.P2, 15));
        produce(declared(payments, incident, Priority.P1, 16));
        produce(acknowledged(payments, "queue-lag", 18)); // stays open, acknowledged
        produce(asked(search, otherQuestion, "is search down?", 17));
        produce(fired(payments, "db-down", Priority.P2, 20)); // refires: a new occurrence
        produce(resolved(search, "db-down", 25));

        await().atMost(PROJECTED).untilAsserted(() -> {
            queue(payments)
                    .body("items.id", contains("queue-lag", "db-down", incident.toString(), question.toString()))
                    .body("items[0].acknowledgedAt", equalTo(Events.at(18).toString()))
                    .body("items[1].openedAt", equalTo(Events.at(20).toString()))
                    .body("items[1].occurrences", equalTo(1));
            queue(search).body("items.id", contains(otherQuestion.toString()));
            item(payments, "alert", "cache-miss").statusCode(200).body("status", equalTo("RESOLVED"));
            item(search, "alert", "db-down").statusCode(200).body("status", equalTo("RESOLVED"))
                    .body("acknowledgedAt", equalTo(Events.at(4).toString()));
        });
        List<Map<String, Object>> live = snapshot();

        given().auth().oauth2(API_KEY).post("/admin/projections/{name}/rebuild", "mro-queue")
                .then().statusCode(200).body("projection", equalTo("mro-queue"));

        assertThat(live).filteredOn(row -> List.of(payments, search).contains(row.get("team")))
                .filteredOn(row -> row.get("acknowledged_at") != null).hasSize(2);
        assertThat(snapshot()).isNotEmpty().isEqualTo(live);
    }

    @Test
    void aPoisonRecordIsDeadLetteredAndTheConsumerGoesOn() {
        String team = uniqueTeam("poison");
        String poisonKey = "poison-" + UUID.randomUUID();
        TestKafka.produceRaw(Topics.ALERTS, poisonKey, "this is not json".getBytes(StandardCharsets.UTF_8));
        produce(fired(team, "after-poison", Priority.P3, 0));

        ConsumerRecord<String, byte[]> dead = TestKafka.awaitRecord(Topics.deadLetter("incident-service"),
                record -> poisonKey.equals(record.key()), PROJECTED);
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("this is not json");
        assertThat(new String(dead.headers().lastHeader("dlq_topic").value(), StandardCharsets.UTF_8))
                .isEqualTo(Topics.ALERTS);
        await().atMost(PROJECTED).untilAsserted(() -> queue(team).body("items.id", contains("after-poison")));
    }

    private static String uniqueTeam(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static ValidatableResponse queue(String team) {
        return given().auth().oauth2(API_KEY).get("/v1/teams/{team}/queue", team).then().statusCode(200);
    }

    private static ValidatableResponse item(String team, String kind, String id) {
        return given().auth().oauth2(API_KEY).get("/v1/teams/{team}/queue/{kind}/{id}", team, kind, id).then();
    }

    private List<Map<String, Object>> snapshot() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select * from queue_item order by team, kind, item_id")) {
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

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

import io.agroal.api.AgroalDataSource;
import io.commandpost.events.Priority;
import io.commandpost.events.Topics;
import io.commandpost.infra.test.LocalInfraResource;
import io.commandpost.infra.test.TestKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The test broker expires records after 3 s by default (local-infra's EmbeddedKafka). Every topic a projection is
 * rebuilt from must carry its own retention, so a rebuild long after that default would have expired them still
 * reproduces the live tables.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraResource.class,
        initArgs = @ResourceArg(name = LocalInfraResource.DATABASE_ARG, value = "commandpost_incident"))
class TopicRetentionIT {

    private static final String API_KEY = "test-key";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyTopicIsKeptForEverWhateverTheBrokersDefault() {
        List<String> kept = Stream.concat(Topics.ALL.stream(), Stream.of(Topics.deadLetter("incident-service")))
                .toList();
        for (String topic : kept) {
            assertThat(TestKafka.topicOwnConfigs(topic)).as(topic).containsAllEntriesOf(Topics.KEPT_FOR_EVER);
        }
        assertThat(TestKafka.topicOwnConfigs(Topics.QUARANTINE)).containsAllEntriesOf(Topics.QUARANTINE_RETENTION);
    }

    @Test
    void aRebuildAfterTheBrokersDefaultRetentionHasPassedReproducesTheLiveQueue() throws SQLException {
        String team = "retention-" + UUID.randomUUID().toString().substring(0, 8);
        UUID question = UUID.randomUUID();
        UUID incident = UUID.randomUUID();
        produce(fired(team, "db-down", Priority.P1, 0));
        produce(asked(team, question, "where is the runbook?", 1));
        produce(acknowledged(team, "db-down", 2));
        produce(fired(team, "disk-full", Priority.P3, 3));
        produce(resolved(team, "disk-full", 4));
        produce(declared(team, incident, Priority.P2, 5));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(API_KEY)
                .get("/v1/teams/{team}/queue", team).then().statusCode(200)
                .body("items.id", contains("db-down", incident.toString(), question.toString())));
        List<List<Object>> live = rows(team);

        // A topic left at the broker's default loses its first records meanwhile; new records on every partition
        // of the event topics roll their segments too, so the default would have deleted their old ones.
        String control = "retention-control-" + UUID.randomUUID();
        TestKafka.createTopics(control);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            appendOnEveryPartition(control, team);
            assertThat(TestKafka.earliestOffsets(control).values()).anyMatch(offset -> offset > 0);
        });
        for (String topic : List.of(Topics.ALERTS, Topics.QUESTIONS, Topics.INCIDENTS)) {
            assertThat(TestKafka.earliestOffsets(topic).values()).as(topic).containsOnly(0L);
        }

        given().auth().oauth2(API_KEY).post("/admin/projections/{name}/rebuild", "mro-queue")
                .then().statusCode(200);

        assertThat(live).isNotEmpty();
        assertThat(rows(team)).isEqualTo(live);
    }

    private static void appendOnEveryPartition(String control, String team) {
        byte[] noise = "noise".getBytes(StandardCharsets.UTF_8);
        IntStream.range(0, 6).forEach(key -> {
            TestKafka.produceRaw(control, "key-" + key, noise);
            produce(fired(team + "-noise", "noise-" + key, Priority.P5, 0));
        });
    }

    private List<List<Object>> rows(String team) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select * from queue_item where team = ? order by kind, item_id")) {
            statement.setString(1, team);
            try (ResultSet rows = statement.executeQuery()) {
                int columns = rows.getMetaData().getColumnCount();
                List<List<Object>> snapshot = new ArrayList<>();
                while (rows.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        row.add(rows.getObject(i));
                    }
                    snapshot.add(row);
                }
                return snapshot;
            }
        }
    }
}

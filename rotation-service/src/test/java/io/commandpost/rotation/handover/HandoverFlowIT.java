package io.commandpost.rotation.handover;

import static io.commandpost.rotation.TestTeams.AUTH;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasSize;

import io.agroal.api.AgroalDataSource;
import io.commandpost.events.AlertEvent;
import io.commandpost.events.DomainEvent;
import io.commandpost.events.EventEnvelope;
import io.commandpost.events.Priority;
import io.commandpost.events.QuestionEvent;
import io.commandpost.events.ShiftEvent;
import io.commandpost.events.TeamEvent;
import io.commandpost.events.Topics;
import io.commandpost.infra.test.LocalInfraResource;
import io.commandpost.infra.test.TestTokens;
import io.commandpost.infra.test.TestKafka;
import io.commandpost.platform.eventing.EventMetadata;
import io.commandpost.platform.eventing.EventStore;
import io.commandpost.platform.timer.TimerWorker;
import io.commandpost.rotation.MutableClock;
import io.commandpost.rotation.TestTeams;
import io.commandpost.rotation.TopicReader;
import io.commandpost.rotation.handover.openitems.OpenItem;
import io.commandpost.rotation.handover.openitems.OpenItemStore;
import io.commandpost.rotation.shift.HandoffAggregate;
import io.commandpost.rotation.team.TeamAggregate;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = LocalInfraResource.class,
        initArgs = @ResourceArg(name = LocalInfraResource.DATABASE_ARG, value = "commandpost_rotation"))
class HandoverFlowIT {

    static final Duration PROJECTED = Duration.ofSeconds(60); // Kafka consumers on a CI machine at load 40

    @Inject
    MutableClock clock;
    @Inject
    TimerWorker overdueJob;
    @Inject
    EventStore store;
    @Inject
    OpenItemStore openItems;
    @Inject
    AgroalDataSource dataSource;

    static void produce(DomainEvent event) {
        TestKafka.produce(EventEnvelope.wrap(event, 0, Instant.parse("2025-03-03T08:00:00Z"), UUID.randomUUID(),
                UUID.randomUUID(), null, "test"));
    }

    static AlertEvent.AlertReceived fired(String team, String key, Instant startsAt) {
        return new AlertEvent.AlertReceived(team, "prom", "alertmanager", key, Priority.P2, "db down", Map.of(),
                Map.of(), List.of(), startsAt, startsAt);
    }

    static AlertEvent.AlertResolved resolved(String team, String key, Instant endsAt) {
        return new AlertEvent.AlertResolved(team, "prom", "alertmanager", key, endsAt, endsAt);
    }

    /** {@code from}, signed in as a responder, hands over (a "from" in the body is ignored). */
    static ValidatableResponse submit(String team, String from) {
        return given().auth().oauth2(TestTokens.person(from, "responder")).contentType(ContentType.JSON)
                .body("{\"from\":\"mallory\",\"notes\":\"db is flaky, watch it\"}")
                .post("/v1/teams/{id}/handovers", team).then();
    }

    static ValidatableResponse accept(String team, String handoverId, String by) {
        return given().auth().oauth2(TestTokens.person(by, "responder"))
                .post("/v1/teams/{id}/handovers/{handover}/accept", team, handoverId).then();
    }

    /** Alerts and a question on the real topics; waits until the projection shows them. */
    List<String> givenOpenItems(String team) {
        Instant t = clock.instant();
        UUID question = UUID.randomUUID();
        produce(fired(team, "db-down", t.minusSeconds(600)));
        produce(fired(team, "disk-full", t.minusSeconds(500)));
        produce(resolved(team, "disk-full", t.minusSeconds(100)));
        produce(new QuestionEvent.QuestionAsked(question, team, "api", "bob", "where is the runbook?", null,
                t.minusSeconds(300)));
        List<String> expected = List.of("alert:db-down", "question:" + question);
        await().atMost(PROJECTED).untilAsserted(() -> assertThat(references(team)).isEqualTo(expected));
        return expected;
    }

    List<String> references(String team) {
        return openItems.openItems(team).stream().map(OpenItem::reference).toList();
    }

    @Test
    void theMroHandsEveryOpenItemToTheNextMroWhoAcceptsItOnce() {
        String team = TestTeams.uniqueTeam("handover");
        TestTeams.create(team);
        List<String> items = givenOpenItems(team);

        submit(team, "bob").statusCode(409).contentType("application/problem+json");
        String handoverId = submit(team, "alice").statusCode(201)
                .header("Location", endsWith("/v1/teams/" + team + "/handovers/" + HandoverDecider.handoverId(team,
                        shiftsOf(team).get(0).shiftId())))
                .body("from", equalTo("alice"))
                .body("to", equalTo("bob"))
                .body("toTeam", equalTo(team))
                .body("notes", equalTo("db is flaky, watch it"))
                .body("openItems", contains(items.toArray()))
                .body("acceptBy", equalTo(clock.instant().plus(Duration.ofMinutes(30)).toString()))
                .body("status", equalTo("PENDING"))
                .extract().path("handoverId");
        submit(team, "alice").statusCode(409);

        accept(team, handoverId, "carol").statusCode(409);
        accept(team, handoverId, "bob").statusCode(200).body("status", equalTo("ACCEPTED"))
                .body("acceptedBy", equalTo("bob"));
        accept(team, handoverId, "bob").statusCode(409);
        given().header("Authorization", AUTH).get("/v1/teams/{id}/handovers/{h}", team, handoverId)
                .then().statusCode(200).body("status", equalTo("ACCEPTED")).body("acceptedAt", equalTo(
                        clock.instant().toString()));

        EventEnvelope handedOver = TopicReader.await(Topics.SHIFTS, team, "shift.handed-over");
        assertThat(handedOver.data().get("openItems")).hasSize(2);
        assertThat(handedOver.data().get("toMember").asText()).isEqualTo("bob");
        TopicReader.await(Topics.SHIFTS, team, "shift.handover-accepted");
    }

    @Test
    void theTeamsHandoversAreListedForViewersWhoeverWroteThem() {
        String team = TestTeams.uniqueTeam("handover-list");
        TestTeams.create(team);
        String viewer = TestTokens.person("vera", "viewer");
        given().auth().oauth2(viewer).get("/v1/teams/{id}/handovers", team).then().statusCode(200)
                .body("items", empty());

        String handoverId = submit(team, "alice").statusCode(201).extract().path("handoverId");
        given().auth().oauth2(viewer).get("/v1/teams/{id}/handovers", team).then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].handoverId", equalTo(handoverId))
                .body("items[0].from", equalTo("alice"))
                .body("items[0].to", equalTo("bob"))
                .body("items[0].status", equalTo("PENDING"));
        accept(team, handoverId, "bob").statusCode(200);
        given().auth().oauth2(viewer).queryParam("since", clock.instant().minusSeconds(60).toString())
                .queryParam("limit", 1).get("/v1/teams/{id}/handovers", team).then().statusCode(200)
                .body("items.status", contains("ACCEPTED")).body("items[0].acceptedBy", equalTo("bob"));
        given().auth().oauth2(viewer).queryParam("since", clock.instant().plusSeconds(60).toString())
                .get("/v1/teams/{id}/handovers", team).then().statusCode(200).body("items", empty());

        given().auth().oauth2(viewer).queryParam("since", "yesterday").get("/v1/teams/{id}/handovers", team)
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(viewer).queryParam("limit", 0).get("/v1/teams/{id}/handovers", team)
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(viewer).get("/v1/teams/{id}/handovers", TestTeams.uniqueTeam("nobody"))
                .then().statusCode(404).contentType("application/problem+json");
        given().get("/v1/teams/{id}/handovers", team).then().statusCode(401);
    }

    @Test
    void badRequestsGetProblems() {
        String team = TestTeams.uniqueTeam("handover-bad");
        TestTeams.create(team);
        given().auth().oauth2(TestTokens.person("alice", "viewer")).contentType(ContentType.JSON)
                .body("{\"notes\":\"x\"}").post("/v1/teams/{id}/handovers", team).then().statusCode(403)
                .contentType("application/problem+json");
        submit(TestTeams.uniqueTeam("nobody"), "alice").statusCode(404);
        given().header("Authorization", AUTH).get("/v1/teams/{id}/handovers/{h}", team, UUID.randomUUID())
                .then().statusCode(404);
        given().header("Authorization", AUTH).get("/v1/teams/{id}/handovers/not-a-uuid", team).then().statusCode(404);
        given().contentType(ContentType.JSON).body("{\"from\":\"alice\"}").post("/v1/teams/{id}/handovers", team)
                .then().statusCode(401);
    }

    @Test
    void anUnacceptedHandoverIsReportedOverdueExactlyOnceByRacingReplicas() throws Exception {
        String team = TestTeams.uniqueTeam("overdue");
        TestTeams.create(team);
        String handoverId = submit(team, "alice").statusCode(201).extract().path("handoverId");
        clock.advance(Duration.ofMinutes(31));

        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<Integer>> runs = List.of(
                    CompletableFuture.supplyAsync(() -> runAfter(together), replicas),
                    CompletableFuture.supplyAsync(() -> runAfter(together), replicas));
            CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } finally {
            replicas.shutdownNow();
        }
        overdueJob.fireDue();

        List<ShiftEvent.HandoverAcceptanceOverdue> overdue = store.load(HandoffAggregate.STREAM_TYPE, team).stream()
                .map(EventEnvelope::event).flatMap(java.util.Optional::stream)
                .filter(ShiftEvent.HandoverAcceptanceOverdue.class::isInstance)
                .map(ShiftEvent.HandoverAcceptanceOverdue.class::cast).toList();
        assertThat(overdue).singleElement().satisfies(event -> {
            assertThat(event.handoverId()).hasToString(handoverId);
            assertThat(event.toMember()).isEqualTo("bob");
        });
        given().header("Authorization", AUTH).get("/v1/teams/{id}/handovers/{h}", team, handoverId)
                .then().statusCode(200).body("status", equalTo("OVERDUE"));
        TopicReader.await(Topics.SHIFTS, team, "shift.handover-overdue");
        // a late acceptance still counts
        accept(team, handoverId, "bob").statusCode(200).body("status", equalTo("ACCEPTED"));
    }

    @Test
    void followTheSunHandsOverToThePartnerTeamsMroOnDuty() {
        String paris = TestTeams.uniqueTeam("paris");
        String sydney = TestTeams.uniqueTeam("sydney");
        TestTeams.create(paris);
        given().header("Authorization", AUTH).contentType(ContentType.JSON)
                .body(TestTeams.teamBody(sydney, "Australia/Sydney", "09:00",
                        "[{\"handle\":\"carol\"},{\"handle\":\"dave\"}]", "[\"carol\",\"dave\"]"))
                .post("/v1/teams").then().statusCode(201);
        QuarkusTransaction.requiringNew().run(() -> store.append(TeamAggregate.STREAM_TYPE, paris,
                store.currentVersion(TeamAggregate.STREAM_TYPE, paris),
                List.of(new TeamEvent.PartnerTeamSet(paris, sydney, clock.instant())), EventMetadata.fresh()));

        String handoverId = submit(paris, "alice").statusCode(201)
                .body("toTeam", equalTo(sydney)).body("to", equalTo("carol"))
                .extract().path("handoverId");
        accept(paris, handoverId, "alice").statusCode(409);
        accept(paris, handoverId, "carol").statusCode(200).body("acceptedBy", equalTo("carol"));
    }

    @Test
    void rebuildingTheOpenItemsProjectionGivesTheSameRows() throws Exception {
        String team = TestTeams.uniqueTeam("rebuild");
        givenOpenItems(team);
        List<Map<String, Object>> live = snapshot();

        given().header("Authorization", AUTH).post("/admin/projections/{name}/rebuild", "open-items")
                .then().statusCode(200).body("projection", equalTo("open-items"));

        assertThat(snapshot()).isNotEmpty().isEqualTo(live);
        assertThat(references(team)).hasSize(2);
    }

    private List<Map<String, Object>> snapshot() throws Exception {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "select * from handover_open_item order by team, kind, item_id")) {
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

    private List<ShiftEvent.ShiftStarted> shiftsOf(String team) {
        return store.load(HandoffAggregate.STREAM_TYPE, team).stream().map(EventEnvelope::event)
                .flatMap(java.util.Optional::stream).filter(ShiftEvent.ShiftStarted.class::isInstance)
                .map(ShiftEvent.ShiftStarted.class::cast).toList();
    }

    private int runAfter(CyclicBarrier together) {
        try {
            together.await(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return overdueJob.fireDue();
    }
}

package io.commandpost.ingest.integration;

import static io.commandpost.ingest.support.Api.withApiKey;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.commandpost.events.EventEnvelope;
import io.commandpost.events.Topics;
import io.commandpost.infra.test.LocalInfraResource;
import io.commandpost.infra.test.TestKafka;
import io.commandpost.infra.test.TestTokens;
import io.commandpost.ingest.support.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Integration changes are in the audit (as config.changed events, without secrets); deliveries are listed. */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "commandpost_alert_ingest"))
class IntegrationAuditIT {

    static final String ADMIN = TestTokens.bearer("alice", "admin");
    static final String VIEWER = TestTokens.bearer("vera", "viewer");

    @Test
    void everyChangeOfAnIntegrationIsInTheAuditUnderItsAuthorAndNeverItsToken() {
        String team = "audit-" + UUID.randomUUID();
        var created = given().header("Authorization", ADMIN).contentType("application/json")
                .body(Map.of("team", team, "type", "alertmanager", "name", "prod", "defaultPriority", "P2"))
                .post("/v1/integrations").then().statusCode(201).extract();
        String id = created.path("id");
        String token = created.path("token");
        given().header("Authorization", ADMIN).contentType("application/merge-patch+json")
                .body("{\"name\":\"prod eu\",\"defaultPriority\":null}").patch("/v1/integrations/" + id)
                .then().statusCode(200);
        String rotated = given().header("Authorization", ADMIN).post("/v1/integrations/" + id + "/token")
                .then().statusCode(200).extract().path("token");
        withApiKey().delete("/v1/integrations/" + id).then().statusCode(204);

        String audit = given().header("Authorization", VIEWER).queryParam("team", team).get("/v1/audit")
                .then().statusCode(200)
                .body("what", everyItem(equalTo("config.changed")))
                .body("data.change", contains("revoked", "token-rotated", "updated", "created"))
                .body("actor", contains("api-key", "alice", "alice", "alice"))
                .body("team", everyItem(equalTo(team)))
                .body("data.what", everyItem(equalTo("integration")))
                .body("data.key", everyItem(equalTo(id)))
                .body("data.summary[2]", equalTo("alertmanager integration 'prod' edited: name 'prod' → 'prod eu', "
                        + "default priority P2 → none"))
                .body("data.summary[3]", equalTo("alertmanager integration 'prod' created, default priority P2"))
                .extract().asString();
        assertThat(audit).doesNotContain(token).doesNotContain(rotated);

        EventEnvelope published = TestKafka.envelope(TestKafka.awaitRecord(Topics.CONFIG,
                record -> record.value() != null && new String(record.value()).contains(id)
                        && new String(record.value()).contains("\"created\""), Duration.ofSeconds(60)));
        assertThat(published.eventType()).isEqualTo("config.changed");
        assertThat(published.actor()).isEqualTo("alice");
    }

    @Test
    void anIntegrationsDeliveriesAndRefusalsAreListedForAdmins() {
        String team = "deliveries-" + UUID.randomUUID();
        var created = withApiKey().contentType("application/json")
                .body(Map.of("team", team, "type", "alertmanager", "name", "prod")).post("/v1/integrations")
                .then().statusCode(201).extract();
        String id = created.path("id");
        String token = created.path("token");
        given().header("Authorization", ADMIN).get("/v1/integrations/" + id + "/deliveries").then().statusCode(200)
                .body("items", empty());

        given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body(Fixtures.bytes(Fixtures.FAMEDLY_SINGLE)).post("/v1/webhooks/alertmanager").then().statusCode(202);
        String refusedId = given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body("{\"version\":\"4\",\"alerts\":[]}").post("/v1/webhooks/alertmanager").then().statusCode(400)
                .extract().header("X-Request-Id");
        given().header("Authorization", "Bearer not-a-token").contentType("application/json")
                .body(Fixtures.bytes(Fixtures.FAMEDLY_SINGLE)).post("/v1/webhooks/alertmanager").then().statusCode(401);

        given().header("Authorization", ADMIN).get("/v1/integrations/" + id + "/deliveries").then().statusCode(200)
                .body("integration", equalTo(id))
                .body("items", hasSize(2))
                .body("items.outcome", contains("refused", "accepted"))
                .body("items.status", contains(400, 202))
                .body("items[0].reason", notNullValue())
                .body("items[0].requestId", equalTo(refusedId))
                .body("items[0].endpoint", equalTo("/v1/webhooks/alertmanager"))
                .body("items[1].accepted", equalTo(1))
                .body("items[1].at", notNullValue());
        given().header("Authorization", ADMIN).queryParam("limit", 1).get("/v1/integrations/" + id + "/deliveries")
                .then().statusCode(200).body("items.outcome", contains("refused"));

        given().header("Authorization", VIEWER).get("/v1/integrations/" + id + "/deliveries").then().statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", ADMIN).queryParam("limit", 0).get("/v1/integrations/" + id + "/deliveries")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].pointer", equalTo("/limit"));
        given().header("Authorization", ADMIN).get("/v1/integrations/" + UUID.randomUUID() + "/deliveries")
                .then().statusCode(404).contentType("application/problem+json");
        given().get("/v1/integrations/" + id + "/deliveries").then().statusCode(401);
        assertThat(refusedId).isNotBlank();
    }

    @Test
    void theDropInsDeliveriesAreListedToo() {
        String team = "deliveries-" + UUID.randomUUID();
        var created = withApiKey().contentType("application/json")
                .body(Map.of("team", team, "type", "pagerduty", "name", "pd")).post("/v1/integrations")
                .then().statusCode(201).extract();
        String id = created.path("id");
        String token = created.path("token");
        given().contentType("application/json").body("{\"routing_key\":\"" + token + "\",\"event_action\":\"trigger\","
                + "\"payload\":{\"summary\":\"disk full\",\"source\":\"db1\",\"severity\":\"error\"}}")
                .post("/v2/enqueue").then().statusCode(202);
        given().contentType("application/json")
                .body("{\"routing_key\":\"" + token + "\",\"payload\":{\"source\":\"ci\"}}")
                .post("/v2/change/enqueue").then().statusCode(400);

        given().header("Authorization", ADMIN).get("/v1/integrations/" + id + "/deliveries").then().statusCode(200)
                .body("items.endpoint", contains("/v2/change/enqueue", "/v2/enqueue"))
                .body("items.status", contains(400, 202))
                .body("items[0].reason", containsString("'payload.summary' is missing or blank"))
                .body("items[1].outcome", equalTo("accepted"));
    }
}

package io.commandpost.ingest.opsgenie;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.commandpost.events.EventEnvelope;
import io.commandpost.infra.test.LocalInfraResource;
import io.commandpost.ingest.support.AlertTopic;
import io.commandpost.ingest.support.Api;
import io.commandpost.ingest.support.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Contract tests of the Opsgenie drop-in with the bodies Alertmanager's {@code opsgenie_configs} notifier and
 * Grafana's Opsgenie contact point really send (test resources {@code fixtures/opsgenie}, see SOURCES.md), at the
 * paths they send them to once only their URL points here.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "commandpost_alert_ingest"))
class OpsgenieDropInIT {

    private static final String AM_ALIAS = "6b86b273ff34fce19d6b804eff5a3f5747ada4eaa22f1d49c01e52ddb7875b4b";

    private static RequestSpecification genie(Api.CreatedIntegration integration) {
        return given().header("Authorization", "GenieKey " + integration.token()).contentType("application/json");
    }

    private static void assertAccepted(Response response) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(202);
        assertThat((String) response.path("result")).isEqualTo("Request will be processed");
        assertThat((Object) response.path("took")).isNotNull();
        assertThat((String) response.path("requestId")).isEqualTo(response.header("X-Request-Id"));
    }

    @Test
    void alertmanagersCreateUpdateAndCloseBecomeOneAlertsLifecycle() {
        Api.CreatedIntegration integration = Api.createIntegration("payments", "opsgenie", null);

        assertAccepted(genie(integration).body(Fixtures.bytes("opsgenie/alertmanager-create-full.json"))
                .post("/v2/alerts"));
        assertAccepted(genie(integration).body(Fixtures.bytes("opsgenie/alertmanager-update-message.json"))
                .put("/v2/alerts/" + AM_ALIAS + "/message?identifierType=alias"));
        assertAccepted(genie(integration).body(Fixtures.bytes("opsgenie/alertmanager-update-description.json"))
                .put("/v2/alerts/" + AM_ALIAS + "/description?identifierType=alias"));
        assertAccepted(genie(integration).body(Fixtures.bytes("opsgenie/constructed-alertmanager-close.json"))
                .post("/v2/alerts/" + AM_ALIAS + "/close?identifierType=alias"));

        List<EventEnvelope> events = AlertTopic.eventsOf(integration.id());
        assertThat(events).extracting(EventEnvelope::eventType).containsExactly("alert.received",
                "alert.summary-changed", "alert.summary-changed", "alert.resolved");
        assertThat(events).extracting(EventEnvelope::aggregateId).containsOnly(AM_ALIAS);
        EventEnvelope created = events.get(0);
        assertThat(created.data().path("priority").asText()).isEqualTo("P1");
        assertThat(created.data().path("summary").asText()).isEqualTo("message");
        assertThat(created.data().path("source").asText()).isEqualTo("opsgenie");
        assertThat(created.data().path("details").path("description").asText()).isEqualTo("description");
        assertThat(created.data().path("details").path("entity").asText()).isEqualTo("test-domain");
        assertThat(created.data().path("details").path("note").asText()).isEqualTo("this is a note");
        assertThat(created.data().path("labels").path("ResponderName1").asText()).isEqualTo("TeamA");
        assertThat(events.get(1).data().path("summary").asText()).isEqualTo("new message");
        assertThat(events.get(2).data().path("description").asText()).isEqualTo("new description");
    }

    @Test
    void alertmanagersEmptyAlertGetsOpsgeniesFieldError() {
        Api.CreatedIntegration integration = Api.createIntegration("payments", "opsgenie", null);

        Response response = genie(integration).body(Fixtures.bytes("opsgenie/alertmanager-create-empty-alert.json"))
                .post("/v2/alerts");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat((String) response.path("errors.message")).isEqualTo("Message can not be empty.");
        assertThat((String) response.path("requestId")).isEqualTo(response.header("X-Request-Id"));
        assertThat(AlertTopic.eventsOf(integration.id())).isEmpty();
    }

    @Test
    void grafanasCreateThenRepeatThenCloseByAlias() {
        Api.CreatedIntegration integration = Api.createIntegration("payments", "opsgenie", "P2");
        String alias = UUID.randomUUID().toString().replace("-", "");
        byte[] create = Fixtures.text("opsgenie/grafana-create-responders.json").replace("GROUPKEYHASH", alias)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertAccepted(genie(integration).body(create).post("/v2/alerts"));
        assertAccepted(genie(integration).body(create).post("/v2/alerts"));
        assertAccepted(genie(integration).body(Fixtures.bytes("opsgenie/grafana-close.json"))
                .post("/v2/alerts/" + alias + "/close?identifierType=alias"));

        List<EventEnvelope> events = AlertTopic.eventsOf(integration.id());
        assertThat(events).extracting(EventEnvelope::eventType)
                .containsExactly("alert.received", "alert.received", "alert.resolved");
        assertThat(events).extracting(EventEnvelope::aggregateId).containsOnly(alias);
        assertThat(events.get(0).data().path("priority").asText()).as("the integration's default").isEqualTo("P2");
        assertThat(events.get(0).data().path("details").path("tags").get(0).asText()).isEqualTo("alertname:alert1");
    }

    @Test
    void grafanasTruncatedMessageFitsAndTheRequestStatusSaysWhatHappened() {
        Api.CreatedIntegration integration = Api.createIntegration("payments", "opsgenie", null);
        String alias = UUID.randomUUID().toString();
        byte[] create = Fixtures.text("opsgenie/grafana-create-long-message.json").replace("GROUPKEYHASH", alias)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);

        String requestId = genie(integration).body(create).post("/v2/alerts").then().statusCode(202)
                .extract().path("requestId");

        given().header("Authorization", "GenieKey " + integration.token())
                .get("/v2/alerts/requests/" + requestId).then().statusCode(200)
                .body("data.success", equalTo(true)).body("data.action", equalTo("Create"))
                .body("data.alias", equalTo(alias)).body("data.alertId", notNullValue())
                .body("requestId", notNullValue());
        given().header("Authorization", "GenieKey " + integration.token())
                .get("/v2/alerts/requests/" + UUID.randomUUID()).then().statusCode(404)
                .body("message", equalTo("Request not found. It might not be processed, yet."));
        assertThat(AlertTopic.eventsOf(integration.id()).get(0).data().path("summary").asText()).hasSize(130);
    }

    @Test
    void acknowledgeAndNotesNameTheUserAndAnUnknownAliasIsStill202() {
        Api.CreatedIntegration integration = Api.createIntegration("payments", "opsgenie", null);
        String alias = "never-created-" + UUID.randomUUID();

        assertAccepted(genie(integration).body("{\"user\":\"ops-bot\",\"source\":\"script\",\"note\":\"on it\"}")
                .post("/v2/alerts/" + alias + "/acknowledge?identifierType=alias"));
        assertAccepted(genie(integration).body("{\"user\":\"ops-bot\",\"note\":\"disk cleaned\"}")
                .post("/v2/alerts/" + alias + "/notes?identifierType=alias"));
        assertAccepted(genie(integration).body("{}").post("/v2/alerts/" + alias + "/acknowledge?identifierType=tiny"));

        List<EventEnvelope> events = AlertTopic.eventsOf(integration.id());
        assertThat(events).extracting(EventEnvelope::eventType)
                .containsExactly("alert.acknowledged", "alert.note-received", "alert.note-received");
        assertThat(events.get(0).data().path("by").asText()).isEqualTo("ops-bot");
        assertThat(events.get(2).data().path("note").asText()).isEqualTo("disk cleaned");
    }

    @Test
    void withoutAValidGenieKeyItIsOpsgeniesCouldNotAuthenticate() {
        Api.CreatedIntegration alertmanager = Api.createIntegration("payments", "alertmanager", null);
        byte[] body = Fixtures.bytes("opsgenie/alertmanager-create-full.json");

        for (RequestSpecification request : List.of(given().contentType("application/json"),
                given().contentType("application/json").header("Authorization", "GenieKey nope"),
                given().contentType("application/json").header("Authorization", "GenieKey " + alertmanager.token()))) {
            Response response = request.body(body).post("/v2/alerts");
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat((String) response.path("message")).isEqualTo("Could not authenticate");
            assertThat((String) response.path("requestId")).isEqualTo(response.header("X-Request-Id"));
        }
    }

    @Test
    void theOpenApiDescribesTheDropIn() {
        String openApi = Api.withApiKey().get("/q/openapi").then().statusCode(200).extract().asString();

        assertThat(openApi).contains("/v2/alerts/{identifier}/acknowledge", "/v2/alerts/{identifier}/close",
                "/v2/alerts/{identifier}/notes", "/v2/alerts/{identifier}/message", "/v2/alerts/requests/{requestId}",
                "/v2/heartbeats/{name}/ping", "Opsgenie drop-in");
    }

    @Test
    void aHeartbeatPingByGetOrPostIsPong() {
        Api.CreatedIntegration heartbeat = Api.createIntegration(java.util.Map.of("team", "payments",
                "type", "heartbeat", "name", "nightly-backup", "intervalMinutes", 60));

        for (String method : List.of("GET", "POST")) {
            given().header("Authorization", "GenieKey " + heartbeat.token())
                    .request(method, "/v2/heartbeats/nightly-backup/ping").then().statusCode(202)
                    .body("result", equalTo("PONG - Heartbeat received"));
        }
        given().header("Authorization", "GenieKey wrong").get("/v2/heartbeats/nightly-backup/ping")
                .then().statusCode(401);
    }
}

package io.commandpost.ingest.integration;

import static io.commandpost.ingest.support.Api.withApiKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.agroal.api.AgroalDataSource;
import io.commandpost.events.EventEnvelope;
import io.commandpost.infra.test.LocalInfraResource;
import io.commandpost.ingest.support.AlertTopic;
import io.commandpost.ingest.support.Api;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** PATCH /v1/integrations/{id}: a JSON Merge Patch of the editable fields, checked as a creation is. */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "commandpost_alert_ingest"))
class IntegrationEditIT {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anEditedMappingTakesEffectOnTheNextWebhookCall() {
        Api.CreatedIntegration integration = generic(Map.of("summary", "/title", "dedupKey", "/id"));
        String body = "{\"id\":\"job-1\",\"title\":\"from the title\",\"headline\":\"from the headline\"}";
        integration.webhook().contentType("application/json").body(body).post("/v1/webhooks/generic")
                .then().statusCode(202);

        patch(integration.id(), MERGE_PATCH, "{\"name\":\"renamed\",\"mapping\":{\"summary\":\"$.headline\"}}")
                .then().statusCode(200).header("ETag", "\"2\"")
                .body("name", equalTo("renamed"))
                .body("mapping.summary", equalTo("$.headline"))
                .body("mapping.dedupKey", equalTo("/id"))
                .body("token", nullValue());
        integration.webhook().contentType("application/json").body(body).post("/v1/webhooks/generic")
                .then().statusCode(202);

        assertThat(AlertTopic.eventsOf(integration.id()))
                .extracting(envelope -> envelope.data().path("summary").asText())
                .containsExactly("from the title", "from the headline");
        withApiKey().get("/v1/integrations/" + integration.id()).then().statusCode(200).header("ETag", "\"2\"")
                .body("name", equalTo("renamed")).body("mapping.summary", equalTo("$.headline"));
    }

    @Test
    void aBadPatchIsA400NamingTheFieldAndChangesNothing() {
        Api.CreatedIntegration integration = generic(Map.of("summary", "/title"));

        assertBadField(integration.id(), "{\"mapping\":{\"summary\":\"title\"}}", "/mapping/summary");
        assertBadField(integration.id(), "{\"mapping\":{\"summary\":\"$..\"}}", "/mapping/summary");
        assertBadField(integration.id(), "{\"mapping\":null}", "/mapping");
        assertBadField(integration.id(), "{\"mapping\":{\"labels\":{\"host\":\"$.host\"}},\"sample\":{\"title\":\"t\"}}",
                "/mapping/labels/host");
        assertBadField(integration.id(), "{\"name\":null}", "/name");
        assertBadField(integration.id(), "{\"name\":\"  \"}", "/name");
        assertBadField(integration.id(), "{\"defaultPriority\":\"P9\"}", "/defaultPriority");
        assertBadField(integration.id(), "{\"team\":\"someone-else\"}", "/team");
        assertBadField(integration.id(), "{\"type\":\"alertmanager\"}", "/type");
        assertBadField(integration.id(), "{\"channels\":{\"C0MRO\":\"payments\"}}", "/channels");
        assertBadField(integration.id(), "{\"token\":\"mine\"}", "/token");
        patch(integration.id(), MERGE_PATCH, "[]").then().statusCode(400).contentType("application/problem+json");
        patch(integration.id(), MERGE_PATCH, "{\"name\":\"a\",\"name\":\"b\"}").then().statusCode(400);
        patch(integration.id(), "text/plain", "{\"name\":\"x\"}").then().statusCode(415);

        withApiKey().get("/v1/integrations/" + integration.id()).then().statusCode(200).header("ETag", "\"1\"")
                .body("name", equalTo("generic of payments")).body("mapping.summary", equalTo("/title"));
    }

    @Test
    void anUnknownOrRevokedIntegrationIsNotFound() {
        patch(UUID.randomUUID().toString(), MERGE_PATCH, "{\"name\":\"x\"}").then().statusCode(404)
                .contentType("application/problem+json");
        patch("not-a-uuid", MERGE_PATCH, "{\"name\":\"x\"}").then().statusCode(404);
        Api.CreatedIntegration revoked = Api.createIntegration("payments", "alertmanager", null);
        withApiKey().delete("/v1/integrations/" + revoked.id()).then().statusCode(204);

        patch(revoked.id(), MERGE_PATCH, "{\"name\":\"x\"}").then().statusCode(404);
    }

    @Test
    void ifMatchRefusesAnEditOfAStaleVersion() {
        Api.CreatedIntegration integration = Api.createIntegration("payments", "alertmanager", null);
        String etag = withApiKey().get("/v1/integrations/" + integration.id()).then().statusCode(200)
                .extract().header("ETag");
        assertThat(etag).isEqualTo("\"1\"");

        withApiKey().header("If-Match", etag).contentType(MERGE_PATCH).body("{\"defaultPriority\":\"P1\"}")
                .patch("/v1/integrations/" + integration.id()).then().statusCode(200).header("ETag", "\"2\"")
                .body("defaultPriority", equalTo("P1"));
        withApiKey().header("If-Match", etag).contentType(MERGE_PATCH).body("{\"defaultPriority\":\"P5\"}")
                .patch("/v1/integrations/" + integration.id()).then().statusCode(412)
                .contentType("application/problem+json");
        withApiKey().header("If-Match", "W/\"2\"").contentType(MERGE_PATCH).body("{\"defaultPriority\":\"P5\"}")
                .patch("/v1/integrations/" + integration.id()).then().statusCode(412);

        withApiKey().header("If-Match", "*").contentType(MERGE_PATCH).body("{\"defaultPriority\":null}")
                .patch("/v1/integrations/" + integration.id()).then().statusCode(200).header("ETag", "\"3\"")
                .body("defaultPriority", nullValue());

        // a rotated token changes the representation (tokenRotatedAt), so the ETag moves on too
        withApiKey().post("/v1/integrations/" + integration.id() + "/token").then().statusCode(200);
        withApiKey().get("/v1/integrations/" + integration.id()).then().header("ETag", "\"4\"");
        withApiKey().header("If-Match", "\"3\"").contentType(MERGE_PATCH).body("{\"name\":\"late\"}")
                .patch("/v1/integrations/" + integration.id()).then().statusCode(412);
    }

    @Test
    void editsAHeartbeatsIntervalAndASlackAppsChannels() throws Exception {
        Api.CreatedIntegration heartbeat = Api.createIntegration(Map.of("team", "payments", "type", "heartbeat",
                "name", "watchdog", "intervalMinutes", 5));
        patch(heartbeat.id(), "application/json", "{\"intervalMinutes\":30}").then().statusCode(200)
                .body("intervalMinutes", equalTo(30));
        assertThat(storedInterval(heartbeat.id())).isEqualTo(30);
        assertBadField(heartbeat.id(), "{\"intervalMinutes\":0}", "/intervalMinutes");
        assertBadField(heartbeat.id(), "{\"intervalMinutes\":\"soon\"}", "/intervalMinutes");
        assertThat(storedInterval(heartbeat.id())).isEqualTo(30);

        Api.CreatedIntegration slack = Api.createIntegration(Map.of("team", "payments", "type", "slack",
                "name", "slack app", "signingSecret", "s3cret-" + UUID.randomUUID(),
                "channels", Map.of("C0MRO", "payments")));
        patch(slack.id(), "application/json; charset=utf-8",
                "{\"team\":\"payments\",\"type\":\"slack\",\"channels\":{\"C0MRO\":null,\"C0SRE\":\"sre\"}}")
                .then().statusCode(200)
                .body("channels", aMapWithSize(1)).body("channels.C0SRE", equalTo("sre"));
        assertBadField(slack.id(), "{\"signingSecret\":\"other\"}", "/signingSecret");
        assertBadField(slack.id(), "{\"channels\":{\"C0OPS\":\"\"}}", "/channels/C0OPS");
    }

    private static Api.CreatedIntegration generic(Map<String, Object> mapping) {
        return Api.createIntegration(Map.of("team", "payments", "type", "generic", "name", "generic of payments",
                "mapping", mapping));
    }

    private static Response patch(String id, String contentType, String body) {
        return withApiKey().contentType(contentType).body(body).patch("/v1/integrations/" + id);
    }

    private static void assertBadField(String id, String body, String pointer) {
        patch(id, MERGE_PATCH, body).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].pointer", equalTo(pointer));
    }

    private int storedInterval(String id) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select interval_minutes from heartbeat where integration_id = ?")) {
            statement.setObject(1, UUID.fromString(id));
            try (ResultSet rs = statement.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getInt(1);
            }
        }
    }
}

package io.commandpost.ingest.integration;

import static io.commandpost.ingest.support.Api.withApiKey;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.agroal.api.AgroalDataSource;
import io.commandpost.infra.test.LocalInfraResource;
import io.commandpost.ingest.support.Api;
import io.commandpost.ingest.support.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = LocalInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "commandpost_alert_ingest"))
class IntegrationResourceIT {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void createsAnIntegrationShowingItsTokenOnce() throws Exception {
        var created = withApiKey().contentType("application/json")
                .body(Map.of("team", "payments", "type", "alertmanager", "name", "prod prometheus",
                        "defaultPriority", "P2"))
                .post("/v1/integrations")
                .then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/v1/integrations/"))
                .body("team", equalTo("payments"))
                .body("type", equalTo("alertmanager"))
                .body("name", equalTo("prod prometheus"))
                .body("defaultPriority", equalTo("P2"))
                .body("webhookUrl", equalTo("/v1/webhooks/alertmanager"))
                .body("token", notNullValue())
                .extract();
        String id = created.path("id");
        String token = created.path("token");

        assertThat(Base64.getUrlDecoder().decode(token)).hasSizeGreaterThanOrEqualTo(32);
        assertThat(token).matches("[A-Za-z0-9_-]+");
        withApiKey().get("/v1/integrations/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("token", nullValue());
        withApiKey().queryParam("team", "payments").get("/v1/integrations").then().statusCode(200)
                .body("items.id", hasItem(id)).body("items.token", org.hamcrest.Matchers.everyItem(nullValue()));
        assertThat(storedHash(id)).isEqualTo(IntegrationToken.hash(token)).isNotEqualTo(token.getBytes());
    }

    @Test
    void rotatingTheTokenRetiresTheOldOne() {
        Api.CreatedIntegration integration = Api.createIntegration("payments", "alertmanager", null);
        postFixture(integration.token()).then().statusCode(202); // now remembered by this replica

        String rotated = withApiKey().post("/v1/integrations/" + integration.id() + "/token")
                .then().statusCode(200).body("token", notNullValue()).extract().path("token");

        assertThat(rotated).isNotEqualTo(integration.token());
        postFixture(integration.token()).then().statusCode(401);
        postFixture(rotated).then().statusCode(202);
    }

    @Test
    void aRevokedIntegrationsTokenIsRefused() {
        Api.CreatedIntegration integration = Api.createIntegration("payments", "alertmanager", null);
        postFixture(integration.token()).then().statusCode(202);

        withApiKey().delete("/v1/integrations/" + integration.id()).then().statusCode(204);

        postFixture(integration.token()).then().statusCode(401);
        withApiKey().get("/v1/integrations/" + integration.id()).then().statusCode(200)
                .body("revokedAt", notNullValue());
        withApiKey().delete("/v1/integrations/" + integration.id()).then().statusCode(404);
    }

    @Test
    void namesTheFieldThatIsWrong() {
        withApiKey().contentType("application/json").body(Map.of("team", "payments", "type", "carrier-pigeon",
                "name", "x")).post("/v1/integrations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].pointer", equalTo("/type"));
        withApiKey().contentType("application/json").body(Map.of("type", "alertmanager", "name", "x"))
                .post("/v1/integrations")
                .then().statusCode(400).body("errors[0].pointer", equalTo("/team"));
        withApiKey().contentType("application/json").body(Map.of("team", "payments", "type", "alertmanager",
                "name", "x", "defaultPriority", "P9")).post("/v1/integrations")
                .then().statusCode(400).body("errors[0].pointer", equalTo("/defaultPriority"));
    }

    @Test
    void needsTheApiKey() {
        given().contentType("application/json").body(Map.of("team", "payments", "type", "alertmanager", "name", "x"))
                .post("/v1/integrations").then().statusCode(401);
        given().get("/v1/integrations").then().statusCode(401);
    }

    @Test
    void anUnknownIntegrationIsNotFound() {
        withApiKey().get("/v1/integrations/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        withApiKey().get("/v1/integrations/not-a-uuid").then().statusCode(404);
        withApiKey().post("/v1/integrations/" + UUID.randomUUID() + "/token").then().statusCode(404);
    }

    private static io.restassured.response.Response postFixture(String token) {
        return given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body(Fixtures.bytes(Fixtures.FAMEDLY_SINGLE)).post("/v1/webhooks/alertmanager");
    }

    private byte[] storedHash(String id) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("select token_hash from integration where id = ?")) {
            statement.setObject(1, UUID.fromString(id));
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getBytes(1);
            }
        }
    }

    @Test
    void neverShowsNorStoresASlackSigningSecretInClear() throws Exception {
        String secret = "8f742231b10e8888abcd99yyyzzz85a5-" + UUID.randomUUID();
        var created = withApiKey().contentType("application/json")
                .body(Map.of("team", "payments", "type", "slack", "name", "slack app", "signingSecret", secret,
                        "channels", Map.of("C0MRO", "payments")))
                .post("/v1/integrations").then().statusCode(201)
                .body("channels.C0MRO", equalTo("payments")).extract();

        assertThat(created.asString()).doesNotContain(secret);
        assertThat(withApiKey().get("/v1/integrations/" + created.path("id")).then().statusCode(200)
                .extract().asString()).doesNotContain(secret).doesNotContain("signingSecret");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select secret_enc, settings::text from integration where id = ?")) {
            statement.setObject(1, UUID.fromString(created.path("id")));
            try (ResultSet rs = statement.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(new String(rs.getBytes(1), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(secret);
                assertThat(rs.getString(2)).doesNotContain(secret);
            }
        }
        withApiKey().contentType("application/json")
                .body(Map.of("team", "payments", "type", "slack", "name", "no secret"))
                .post("/v1/integrations").then().statusCode(400).body("errors[0].pointer", equalTo("/signingSecret"));
    }
}

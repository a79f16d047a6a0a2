package io.commandpost.ingest.generic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.commandpost.events.EventEnvelope;
import io.commandpost.infra.test.LocalInfraResource;
import io.commandpost.ingest.support.AlertTopic;
import io.commandpost.ingest.support.Api;
import io.commandpost.ingest.support.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = LocalInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "commandpost_alert_ingest"))
class GenericWebhookIT {

    private static final String URL = "/v1/webhooks/generic";

    @Test
    void aDatadogIntegrationFiresAndResolvesThroughTheShippedMapping() {
        Api.CreatedIntegration integration = Api.createIntegration(Map.of("team", "payments", "type", "generic",
                "name", "datadog", "mapping", GenericMapperTest.shippedTree("datadog.json")));

        post(integration, "generic/constructed-datadog-default-payload-triggered.json").then().statusCode(202)
                .body("accepted", equalTo(1));
        post(integration, "generic/constructed-datadog-default-payload-recovered.json").then().statusCode(202);

        List<EventEnvelope> events = AlertTopic.eventsOf(integration.id());
        assertThat(events).extracting(EventEnvelope::eventType).containsExactly("alert.received", "alert.resolved");
        assertThat(events).extracting(EventEnvelope::aggregateId).containsOnly("7843925348203458700");
        assertThat(events.get(0).data().path("source").asText()).isEqualTo("datadog");
        assertThat(events.get(0).data().path("priority").asText()).isEqualTo("P2");
    }

    @Test
    void aSentryIntegrationReadsItsJsonPathMappingAndResolvesTheIssue() {
        Api.CreatedIntegration integration = Api.createIntegration(Map.of("team", "payments", "type", "generic",
                "name", "sentry", "mapping", GenericMapperTest.shippedTree("sentry.json")));

        post(integration, "generic/constructed-sentry-issue-alert-triggered.json").then().statusCode(202)
                .body("accepted", equalTo(1));
        post(integration, "generic/constructed-sentry-issue-resolved.json").then().statusCode(202);

        List<EventEnvelope> events = AlertTopic.eventsOf(integration.id());
        assertThat(events).extracting(EventEnvelope::eventType).containsExactly("alert.received", "alert.resolved");
        assertThat(events).extracting(EventEnvelope::aggregateId).containsOnly("5218833071");
        assertThat(events.get(0).data().path("labels").path("environment").asText()).isEqualTo("production");
        assertThat(events.get(0).data().path("priority").asText()).isEqualTo("P2");
    }

    @Test
    void aSenderThatOnlyTakesAUrlCarriesTheTokenInTheQuery() {
        Api.CreatedIntegration integration = Api.createIntegration(Map.of("team", "payments", "type", "generic",
                "name", "sentry by url", "mapping", GenericMapperTest.shippedTree("sentry.json")));
        byte[] body = Fixtures.bytes("generic/constructed-sentry-issue-alert-triggered.json");

        io.restassured.RestAssured.given().contentType("application/json").body(body)
                .queryParam("token", integration.token()).post(URL).then().statusCode(202);
        io.restassured.RestAssured.given().contentType("application/json").body(body)
                .queryParam("token", integration.token() + "x").post(URL).then().statusCode(401)
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"));

        assertThat(AlertTopic.eventsOf(integration.id())).hasSize(1);
    }

    @Test
    void refusesAnInvalidJsonPathAtCreationNamingTheField() {
        Api.withApiKey().contentType("application/json").body(Map.of("team", "payments", "type", "generic",
                        "name", "broken", "mapping", Map.of("summary", "$.title", "severity",
                                Map.of("pointer", "$.checks[?(@.failing ==]"))))
                .post("/v1/integrations").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].pointer", equalTo("/mapping/severity/pointer"));
    }

    @Test
    void showsTheMappingButRefusesOneThatPointsNowhereAtCreation() {
        Api.withApiKey().contentType("application/json").body(Map.of("team", "payments", "type", "generic",
                        "name", "broken", "mapping", Map.of("summary", "title")))
                .post("/v1/integrations").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].pointer", equalTo("/mapping/summary"));
        Api.withApiKey().contentType("application/json").body(Map.of("team", "payments", "type", "generic",
                        "name", "broken", "mapping", Map.of("summary", "/title"), "sample", Map.of("name", "x")))
                .post("/v1/integrations").then().statusCode(400)
                .body("errors[0].pointer", equalTo("/mapping/summary"));

        Api.CreatedIntegration zabbix = Api.createIntegration(Map.of("team", "payments", "type", "generic",
                "name", "zabbix", "mapping", GenericMapperTest.shippedTree("zabbix.json")));
        Api.withApiKey().get("/v1/integrations/" + zabbix.id()).then().statusCode(200)
                .body("mapping.source", equalTo("zabbix")).body("webhookUrl", equalTo(URL));
    }

    @Test
    void aBodyWithoutTheMappedSummaryIsA400NamingThePointer() {
        Api.CreatedIntegration integration = Api.createIntegration(Map.of("team", "payments", "type", "generic",
                "name", "zabbix", "mapping", GenericMapperTest.shippedTree("zabbix.json")));

        integration.webhook().contentType("application/json").body("{\"event_id\":\"1\"}").post(URL)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].pointer", equalTo("/event_name"));
        assertThat(AlertTopic.eventsOf(integration.id())).isEmpty();
    }

    private static io.restassured.response.Response post(Api.CreatedIntegration integration, String fixture) {
        return integration.webhook().contentType("application/json").body(Fixtures.bytes(fixture)).post(URL);
    }
}

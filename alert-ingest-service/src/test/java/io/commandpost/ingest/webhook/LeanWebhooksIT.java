package io.commandpost.ingest.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.commandpost.events.EventEnvelope;
import io.commandpost.infra.test.LocalInfraResource;
import io.commandpost.ingest.support.AlertTopic;
import io.commandpost.ingest.support.Api;
import io.commandpost.ingest.support.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The JSON webhooks' lean route (ADR 0037) answers a remembered token's deliveries as the JAX-RS resource answers
 * the first one (looked up in the database): same status, body, headers and refusals; what it takes is counted.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "commandpost_alert_ingest"))
class LeanWebhooksIT {

    private static final String URL = "/v1/webhooks/alertmanager";
    /** No group {@code status}: a 400 naming {@code /status} (webhook v4 requires it). */
    private static final String EMPTY_ALERTS = "{\"version\":\"4\",\"alerts\":[]}";

    @Test
    void aRememberedTokensDeliveryTakesTheLeanRouteAndIsAnsweredAsTheResourceAnsweredTheFirst() {
        Api.CreatedIntegration integration = Api.createIntegration("lean-" + UUID.randomUUID(), "alertmanager", null);

        double before = leanServed();
        Response first = post(integration); // a token this replica does not know yet: the resource looks it up
        assertThat(leanServed()).isEqualTo(before);
        Response second = post(integration);
        assertThat(leanServed()).isEqualTo(before + 1);

        for (Response answer : List.of(first, second)) {
            assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(202);
            assertThat(answer.contentType()).startsWith("application/json");
            assertThat(answer.header("X-Request-Id")).isNotBlank();
            assertThat(answer.header("X-Correlation-Id")).isNotBlank();
            assertThat((Integer) answer.path("accepted")).isEqualTo(1);
            assertThat((List<String>) answer.path("eventIds")).hasSize(1);
        }
        List<EventEnvelope> events = AlertTopic.eventsOf(integration.id());
        assertThat(events).extracting(event -> event.eventId().toString()).containsExactlyInAnyOrder(
                first.<List<String>>path("eventIds").get(0), second.<List<String>>path("eventIds").get(0));
        assertThat(events).extracting(EventEnvelope::correlationId).extracting(UUID::toString)
                .containsExactlyInAnyOrder(first.header("X-Correlation-Id"), second.header("X-Correlation-Id"));
    }

    @Test
    void aRefusalOnTheLeanRouteIsTheResourcesProblemAndIsKeptInTheDeliveries() {
        Api.CreatedIntegration unknown = Api.createIntegration("lean-" + UUID.randomUUID(), "alertmanager", null);
        Response byResource = unknown.webhook().contentType("application/json").body(EMPTY_ALERTS).post(URL);

        Api.CreatedIntegration known = Api.createIntegration("lean-" + UUID.randomUUID(), "alertmanager", null);
        post(known).then().statusCode(202);
        double before = leanServed();
        Response byRoute = known.webhook().contentType("application/json").body(EMPTY_ALERTS).post(URL);
        assertThat(leanServed()).isEqualTo(before + 1);

        for (Response answer : List.of(byResource, byRoute)) {
            assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            String requestId = answer.header("X-Request-Id");
            assertThat((String) answer.path("requestId")).isEqualTo(requestId);
            assertThat((String) answer.path("instance")).isEqualTo("urn:uuid:" + requestId);
        }
        assertThat(byRoute.jsonPath().getMap("")).usingRecursiveComparison().ignoringFields("instance", "requestId")
                .isEqualTo(byResource.jsonPath().getMap(""));

        Api.withApiKey().get("/v1/integrations/" + known.id() + "/deliveries").then().statusCode(200)
                .body("items.status", org.hamcrest.Matchers.contains(400, 202))
                .body("items[0].requestId", org.hamcrest.Matchers.equalTo(byRoute.header("X-Request-Id")))
                .body("items[0].reason", org.hamcrest.Matchers.equalTo(byRoute.path("detail")))
                .body("items[0].endpoint", org.hamcrest.Matchers.equalTo(URL));
    }

    @Test
    void grafanasPutTakesTheLeanRouteToo() {
        Api.CreatedIntegration grafana = Api.createIntegration("lean-" + UUID.randomUUID(), "grafana", null);
        byte[] body = Fixtures.bytes("grafana/grafana-docs-webhook-firing-2-alerts.json");
        grafana.webhook().contentType("application/json").body(body).put("/v1/webhooks/grafana").then().statusCode(202);
        double before = leanServed();
        grafana.webhook().contentType("application/json").body(body).put("/v1/webhooks/grafana").then().statusCode(202)
                .body("accepted", org.hamcrest.Matchers.equalTo(2));
        assertThat(leanServed()).isEqualTo(before + 1);
    }

    private static Response post(Api.CreatedIntegration integration) {
        return integration.webhook().contentType("application/json").body(Fixtures.bytes(Fixtures.FAMEDLY_SINGLE))
                .post(URL);
    }

    private static double leanServed() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher matcher = Pattern.compile("(?m)^commandpost_ingest_webhook_lean_total(?:\\{[^}]*})? ([0-9.eE+]+)")
                .matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0.0;
    }
}

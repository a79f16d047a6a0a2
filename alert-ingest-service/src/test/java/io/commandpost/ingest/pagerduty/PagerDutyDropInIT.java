package io.commandpost.ingest.pagerduty;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.commandpost.events.EventEnvelope;
import io.commandpost.events.EventJson;
import io.commandpost.events.Topics;
import io.commandpost.infra.test.LocalInfraResource;
import io.commandpost.infra.test.TestKafka;
import io.commandpost.ingest.support.AlertTopic;
import io.commandpost.ingest.support.Api;
import io.commandpost.ingest.support.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = LocalInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "commandpost_alert_ingest"))
class PagerDutyDropInIT {

    @Test
    void answersATriggerExactlyLikePagerDuty() throws Exception {
        Api.CreatedIntegration integration = Api.createIntegration("payments", "pagerduty", null);

        String answer = enqueue(withKey("pagerduty/events-v2-trigger.openapi-example.json", integration.token()))
                .then().statusCode(202).contentType("application/json").extract().asString();

        JsonNode expected = EventJson.mapper().readTree(Fixtures.bytes(
                "pagerduty/events-v2-response-202-success.openapi-example.json"));
        ((ObjectNode) expected).put("dedup_key", "srv01/mysql");
        assertThat(EventJson.mapper().readTree(answer)).isEqualTo(expected);
        List<EventEnvelope> events = AlertTopic.eventsOf(integration.id());
        assertThat(events).extracting(EventEnvelope::eventType).containsExactly("alert.received");
        assertThat(events.get(0).aggregateId()).isEqualTo("srv01/mysql");
    }

    @Test
    void triggerThenResolveKeepTheSameDedupKey() {
        Api.CreatedIntegration integration = Api.createIntegration("payments", "pagerduty", null);

        enqueue(withKey("pagerduty/events-v2-trigger.openapi-example.json", integration.token()))
                .then().statusCode(202);
        enqueue(withKey("pagerduty/constructed-events-v2-resolve.json", integration.token()))
                .then().statusCode(202).body("status", equalTo("success"))
                .body("message", equalTo("Event processed")).body("dedup_key", equalTo("srv01/mysql"));

        assertThat(AlertTopic.eventsOf(integration.id()))
                .extracting(EventEnvelope::eventType, EventEnvelope::aggregateId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("alert.received", "srv01/mysql"),  // one key: one partition, in order
                        org.assertj.core.groups.Tuple.tuple("alert.resolved", "srv01/mysql"));
    }

    @Test
    void publishesAnAcknowledgeAsAlertAcknowledged() {
        Api.CreatedIntegration integration = Api.createIntegration("payments", "pagerduty", null);

        enqueue(withKey("pagerduty/constructed-events-v2-acknowledge.json", integration.token()))
                .then().statusCode(202).body("status", equalTo("success"))
                .body("message", equalTo("Event processed")).body("dedup_key", equalTo("srv01/mysql"));

        List<EventEnvelope> events = AlertTopic.eventsOf(integration.id());
        assertThat(events).extracting(EventEnvelope::eventType).containsExactly("alert.acknowledged");
        assertThat(events.get(0).aggregateId()).isEqualTo("srv01/mysql");
        assertThat(events.get(0).data().toString()).doesNotContain(integration.token());
    }

    @Test
    void generatesAndReturnsADedupKeyWhenTheTriggerHasNone() {
        Api.CreatedIntegration integration = Api.createIntegration("payments", "pagerduty", null);
        String body = "{\"routing_key\":\"" + integration.token() + "\",\"event_action\":\"trigger\","
                + "\"payload\":{\"summary\":\"disk full\",\"source\":\"db1\",\"severity\":\"error\"}}";

        String key = enqueue(body).then().statusCode(202).body("dedup_key", matchesPattern("[0-9a-f]{32}"))
                .extract().path("dedup_key");

        assertThat(AlertTopic.eventsOf(integration.id())).extracting(EventEnvelope::aggregateId).containsExactly(key);
    }

    @Test
    void answersMalformedJsonWithPagerDutysUnrecognizedObject() throws Exception {
        String answer = enqueue("{ nope").then().statusCode(400).extract().asString();

        assertThat(EventJson.mapper().readTree(answer)).isEqualTo(EventJson.mapper().readTree(
                Fixtures.bytes("pagerduty/events-v2-response-400-error.openapi-example.json")));
    }

    @Test
    void answersAnInvalidEventWithItsErrors() {
        Api.CreatedIntegration integration = Api.createIntegration("payments", "pagerduty", null);
        String body = "{\"routing_key\":\"" + integration.token() + "\",\"event_action\":\"resolve\"}";

        enqueue(body).then().statusCode(400).body("status", equalTo("invalid event"))
                .body("message", equalTo("Event object is invalid"))
                .body("errors[0]", equalTo("'dedup_key' is missing or blank"));
        assertThat(AlertTopic.eventsOf(integration.id())).isEmpty();
    }

    @Test
    void refusesUnknownAndWrongRoutingKeysAlike() {
        Api.CreatedIntegration alertmanager = Api.createIntegration("payments", "alertmanager", null);

        String unknown = enqueue(withKey("pagerduty/constructed-events-v2-resolve.json", "e93facc04764012d7bfb002500d5d1a6"))
                .then().statusCode(400).extract().asString();
        String otherType = enqueue(withKey("pagerduty/constructed-events-v2-resolve.json", alertmanager.token()))
                .then().statusCode(400).extract().asString();

        assertThat(unknown).isEqualTo(otherType).contains("Invalid routing key");
    }

    @Test
    void publishesAChangeEventAsChangeRecorded() {
        Api.CreatedIntegration integration = Api.createIntegration("payments", "pagerduty", null);
        String body = "{\"routing_key\":\"" + integration.token() + "\",\"payload\":{\"summary\":\"deployed v42\","
                + "\"timestamp\":\"2026-01-05T09:00:00+0000\",\"source\":\"ci\",\"custom_details\":{\"build\":42}},"
                + "\"links\":[{\"href\":\"https://ci.example.com/42\",\"text\":\"Build 42\"}]}";

        given().contentType("application/json").body(body).post("/v2/change/enqueue")
                .then().statusCode(202).body("status", equalTo("success"))
                .body("message", equalTo("Change event processed"));

        EventEnvelope change = TestKafka.envelope(TestKafka.awaitRecord(Topics.CHANGES,
                record -> new String(record.value()).contains(integration.id()), Duration.ofSeconds(60)));
        assertThat(change.eventType()).isEqualTo("change.recorded");
        assertThat(change.data().path("team").asText()).isEqualTo("payments");
        assertThat(change.data().path("summary").asText()).isEqualTo("deployed v42");
        assertThat(change.data().path("changedAt").asText()).isEqualTo("2026-01-05T09:00:00Z");
        assertThat(change.data().path("details").path("build").asInt()).isEqualTo(42);
        assertThat(change.data().path("links").get(0).path("href").asText()).isEqualTo("https://ci.example.com/42");
        assertThat(change.data().toString()).doesNotContain(integration.token());
        assertThat(AlertTopic.eventsOf(integration.id())).isEmpty();
    }

    @Test
    void refusesAChangeEventWithoutSummaryInPagerDutysWords() {
        Api.CreatedIntegration integration = Api.createIntegration("payments", "pagerduty", null);

        given().contentType("application/json")
                .body("{\"routing_key\":\"" + integration.token() + "\",\"payload\":{\"source\":\"ci\"}}")
                .post("/v2/change/enqueue")
                .then().statusCode(400).body("status", equalTo("invalid event"))
                .body("errors[0]", equalTo("'payload.summary' is missing or blank"));
    }

    private static io.restassured.response.Response enqueue(String body) {
        return given().contentType("application/json").body(body).post("/v2/enqueue");
    }

    private static String withKey(String fixture, String routingKey) {
        return Fixtures.text(fixture).replace("e93facc04764012d7bfb002500d5d1a6", routingKey);
    }
}

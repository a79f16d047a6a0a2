package io.commandpost.ingest.alertmanager;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.commandpost.events.EventEnvelope;
import io.commandpost.infra.test.LocalInfraResource;
import io.commandpost.ingest.support.AlertTopic;
import io.commandpost.ingest.support.Api;
import io.commandpost.ingest.support.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = LocalInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "commandpost_alert_ingest"))
class AlertmanagerWebhookIT {

    private static final String URL = "/v1/webhooks/alertmanager";

    @Test
    void publishesBothAlertsOfTheZulipFixtureBeforeAnswering() {
        Api.CreatedIntegration integration = Api.createIntegration("payments", "alertmanager", null);

        List<String> eventIds = post(integration, Fixtures.ZULIP_2_ALERTS)
                .then().statusCode(202).body("accepted", equalTo(2)).body("eventIds", hasSize(2))
                .extract().path("eventIds");

        List<EventEnvelope> events = AlertTopic.eventsOf(integration.id());
        // records of one request spread over partitions by key: the topic keeps order per key, not across keys
        assertThat(events).extracting(EventEnvelope::aggregateId)
                .containsExactlyInAnyOrder("a1bc48475b20e73d", "c2ea85182f28cbd9");
        assertThat(events).extracting(EventEnvelope::eventType).containsOnly("alert.received");
        assertThat(events).extracting(envelope -> envelope.eventId().toString()).containsExactlyInAnyOrderElementsOf(eventIds);
        assertThat(events).allSatisfy(envelope -> {
            assertThat(envelope.data().path("team").asText()).isEqualTo("payments");
            assertThat(envelope.data().path("priority").asText()).isEqualTo("P1");
        });
    }

    @Test
    void publishesTheSingleAlertOfTheFamedlyFixture() {
        Api.CreatedIntegration integration = Api.createIntegration("payments", "alertmanager", null);

        post(integration, Fixtures.FAMEDLY_SINGLE).then().statusCode(202).body("accepted", equalTo(1));

        List<EventEnvelope> events = AlertTopic.eventsOf(integration.id());
        assertThat(events).extracting(EventEnvelope::aggregateId).containsExactly("1a30ba71cca2921f");
        assertThat(events.get(0).data().path("details").path("alertmanagerGroup").path("groupKey").asText())
                .isEqualTo("{}/{severity=\"critical\"}:{alertname=\"ProbeFailure\"}");
    }

    @Test
    void givesTheLegacyFixtureTheSameComputedKeysOnEveryDelivery() {
        Api.CreatedIntegration integration = Api.createIntegration("payments", "alertmanager", "P2");

        post(integration, Fixtures.MSTEAMS_19_LEGACY).then().statusCode(202).body("accepted", equalTo(19));
        java.util.Set<String> firstKeys = AlertTopic.eventsOf(integration.id()).stream().map(EventEnvelope::aggregateId)
                .collect(java.util.stream.Collectors.toSet());
        post(integration, Fixtures.MSTEAMS_19_LEGACY).then().statusCode(202).body("accepted", equalTo(19));
        List<EventEnvelope> all = AlertTopic.eventsOf(integration.id());

        assertThat(firstKeys).hasSize(19);
        assertThat(all).hasSize(38);
        assertThat(all.stream().collect(java.util.stream.Collectors.groupingBy(EventEnvelope::aggregateId,
                java.util.stream.Collectors.counting())))
                .containsOnlyKeys(firstKeys).allSatisfy((key, count) -> assertThat(count).isEqualTo(2L));
        // severity "page" is no known severity: the integration's default applies
        assertThat(all).allSatisfy(envelope -> assertThat(envelope.data().path("priority").asText()).isEqualTo("P2"));
    }

    @Test
    void refusesAMissingOrWrongTokenWithIdenticalAnswers() {
        Api.CreatedIntegration integration = Api.createIntegration("payments", "alertmanager", null);
        byte[] body = Fixtures.bytes(Fixtures.ZULIP_2_ALERTS);

        ExtractableResponse<Response> none = given().contentType("application/json").body(body).post(URL)
                .then().statusCode(401).extract();
        ExtractableResponse<Response> wrong = given().header("Authorization", "Bearer " + integration.token() + "x")
                .contentType("application/json").body(body).post(URL).then().statusCode(401).extract();
        ExtractableResponse<Response> apiKey = given().header("Authorization", "Bearer " + Api.API_KEY)
                .contentType("application/json").body(body).post(URL).then().statusCode(401).extract();

        for (ExtractableResponse<Response> refused : List.of(none, wrong, apiKey)) {
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer");
            // identical but for the id of the request each one answers
            assertThat(refused.asString().replace(refused.header("X-Request-Id"), "ID"))
                    .isEqualTo(none.asString().replace(none.header("X-Request-Id"), "ID"));
        }
        assertThat(AlertTopic.eventsOf(integration.id())).isEmpty();
    }

    @Test
    void checksTheTokenBeforeLookingAtTheBody() {
        given().header("Authorization", "Bearer not-a-token").contentType("application/json").body("{ not json")
                .post(URL).then().statusCode(401);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{ not json", "{\"alerts\":[]} trailing", "{\"alerts\":[],\"alerts\":[]}", "[]", ""})
    void answersMalformedJsonWithAProblem(String body) {
        Api.CreatedIntegration integration = Api.createIntegration("payments", "alertmanager", null);

        integration.webhook().contentType("application/json").body(body).post(URL)
                .then().statusCode(400).contentType("application/problem+json").body("status", equalTo(400));

        assertThat(AlertTopic.eventsOf(integration.id())).isEmpty();
    }

    @Test
    void namesThePointerOfAnInvalidAlert() {
        Api.CreatedIntegration integration = Api.createIntegration("payments", "alertmanager", null);

        integration.webhook().contentType("application/json")
                .body("{\"status\":\"firing\",\"alerts\":[{\"labels\":{\"alertname\":\"A\"}},"
                        + "{\"status\":\"bogus\",\"labels\":{\"alertname\":\"B\"}}]}").post(URL)
                .then().statusCode(400).body("errors[0].pointer", equalTo("/alerts/1/status"));

        assertThat(AlertTopic.eventsOf(integration.id())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"text/plain", "application/xml", "application/x-www-form-urlencoded"})
    void refusesOtherContentTypes(String contentType) {
        Api.CreatedIntegration integration = Api.createIntegration("payments", "alertmanager", null);

        integration.webhook().contentType(contentType).body(Fixtures.text(Fixtures.FAMEDLY_SINGLE)).post(URL)
                .then().statusCode(415).contentType("application/problem+json");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"application/json; charset=utf-8", "Application/JSON; Charset=UTF-8",
            "application/json;charset=\"utf-8\""})
    void acceptsJsonWithItsCharsetSpelledInAnyCase(String contentType) {
        Api.CreatedIntegration integration = Api.createIntegration("payments", "alertmanager", null);

        integration.webhook().contentType(contentType).body(Fixtures.bytes(Fixtures.FAMEDLY_SINGLE)).post(URL)
                .then().statusCode(202);
    }

    @Test
    void answersAWrongMethodWith405AndAllow() {
        Api.CreatedIntegration integration = Api.createIntegration("payments", "alertmanager", null);

        integration.webhook().get(URL).then().statusCode(405).contentType("application/problem+json")
                .header("Allow", org.hamcrest.Matchers.containsString("POST"));
    }

    @Test
    void fiftyIdenticalDeliveriesInParallelAllCarryTheSameDedupKey() throws Exception {
        // "one alert downstream": every copy is accepted (a sender retrying must never lose one), and all
        // copies share one dedup key, which is what lets the queue keep a single open alert for them
        Api.CreatedIntegration integration = Api.createIntegration("payments", "alertmanager", null);
        byte[] body = Fixtures.bytes(Fixtures.FAMEDLY_SINGLE);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            List<java.util.concurrent.Future<Integer>> statuses = new java.util.ArrayList<>();
            for (int i = 0; i < 50; i++) {
                statuses.add(pool.submit(() -> integration.webhook().contentType("application/json").body(body)
                        .post(URL).statusCode()));
            }
            for (java.util.concurrent.Future<Integer> status : statuses) {
                assertThat(status.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(202);
            }
        } finally {
            pool.shutdownNow();
        }

        List<EventEnvelope> events = AlertTopic.eventsOf(integration.id());
        assertThat(events).hasSize(50);
        assertThat(events).extracting(EventEnvelope::aggregateId).containsOnly("1a30ba71cca2921f");
        assertThat(events).extracting(EventEnvelope::eventId).doesNotHaveDuplicates();
    }

    @Test
    void refusesAnAnnouncedOversizedBodyWith413() {
        Api.CreatedIntegration integration = Api.createIntegration("payments", "alertmanager", null);
        byte[] huge = new byte[1024 * 1024 + 1];
        java.util.Arrays.fill(huge, (byte) ' ');

        integration.webhook().contentType("application/json").body(huge).post(URL)
                .then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void refusesAnOversizedChunkedBodyWith413() {
        Api.CreatedIntegration integration = Api.createIntegration("payments", "alertmanager", null);
        byte[] huge = new byte[2 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');

        int status = integration.webhook().contentType("application/json")
                .body(new java.io.ByteArrayInputStream(huge)).post(URL).statusCode();

        assertThat(status).isEqualTo(413);
        assertThat(AlertTopic.eventsOf(integration.id())).isEmpty();
    }

    @Test
    void toleratesAByteOrderMark() {
        Api.CreatedIntegration integration = Api.createIntegration("payments", "alertmanager", null);
        byte[] fixture = Fixtures.bytes(Fixtures.FAMEDLY_SINGLE);
        byte[] withBom = new byte[fixture.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(fixture, 0, withBom, 3, fixture.length);

        integration.webhook().contentType("application/json").body(withBom).post(URL).then().statusCode(202);
    }

    @Test
    void keepsARefusedBodyOnTheQuarantineTopic() {
        Api.CreatedIntegration integration = Api.createIntegration("payments", "alertmanager", null);

        integration.webhook().contentType("application/json").body("{\"alerts\":[],\"alerts\":[]}").post(URL)
                .then().statusCode(400);

        io.commandpost.infra.test.TestKafka.awaitRecord(io.commandpost.events.Topics.QUARANTINE,
                record -> integration.id().equals(record.key()), java.time.Duration.ofSeconds(60));
    }

    private static Response post(Api.CreatedIntegration integration, String fixture) {
        return integration.webhook().contentType("application/json").body(Fixtures.bytes(fixture)).post(URL);
    }
}

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
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A tiny in-flight bound (own profile: one restart) so that a burst must meet back-pressure. */
@QuarkusTest
@TestProfile(StormProtectionIT.TinyBound.class)
@QuarkusTestResource(value = LocalInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "commandpost_alert_ingest"))
class StormProtectionIT {

    private static final String URL = "/v1/webhooks/alertmanager";

    @Test
    void aBurstGets503WithRetryAfterAndEvery202dAlertIsOnTheTopic() throws Exception {
        Api.CreatedIntegration integration = Api.createIntegration("payments", "alertmanager", null);
        byte[] body = Fixtures.bytes(Fixtures.MSTEAMS_19_LEGACY);
        int accepted = 0;
        int refused = 0;
        ExecutorService senders = Executors.newFixedThreadPool(24);
        try {
            // bursts until back-pressure has been seen (with a bound of one it comes in the first burst)
            for (int burst = 0; burst < 10 && refused == 0; burst++) {
                List<Future<Response>> answers = new ArrayList<>();
                for (int i = 0; i < 48; i++) {
                    answers.add(senders.submit(() -> integration.webhook().contentType("application/json")
                            .body(body).post(URL)));
                }
                for (Future<Response> answer : answers) {
                    Response response = answer.get(60, TimeUnit.SECONDS);
                    if (response.statusCode() == 202) {
                        accepted++;
                    } else {
                        assertThat(response.statusCode()).isEqualTo(503);
                        assertThat(response.header("Retry-After")).isEqualTo("1");
                        assertThat(response.contentType()).startsWith("application/problem+json");
                        refused++;
                    }
                }
            }
        } finally {
            senders.shutdownNow();
        }

        assertThat(refused).isPositive();
        assertThat(accepted).isPositive();
        List<EventEnvelope> events = AlertTopic.eventsOf(integration.id());
        assertThat(events).hasSize(accepted * 19);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(counter(metrics, integration.id(), "accepted")).isEqualTo(accepted * 19.0);
        assertThat(counter(metrics, integration.id(), "rejected")).isEqualTo(refused * 19.0);
        assertThat(counter(metrics, integration.id(), "deduplicated")).isEqualTo((accepted - 1) * 19.0);
        assertThat(metrics).contains("commandpost_ingest_in_flight{integration=\"" + integration.id() + "\"");
    }

    private static double counter(String metrics, String integration, String outcome) {
        Matcher matcher = Pattern.compile("commandpost_ingest_events_total\\{[^}]*integration=\"" + integration
                + "\"[^}]*outcome=\"" + outcome + "\"[^}]*} ([0-9.eE+]+)").matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0.0;
    }

    public static class TinyBound implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("commandpost.ingest.max-in-flight", "1", "commandpost.ingest.acquire-timeout", "0s",
                    "commandpost.ingest.retry-after-seconds", "1");
        }
    }
}

package io.commandpost.ingest.slack;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.commandpost.events.EventEnvelope;
import io.commandpost.events.EventJson;
import io.commandpost.events.Topics;
import io.commandpost.infra.test.LocalInfraResource;
import io.commandpost.ingest.support.Api;
import io.commandpost.ingest.support.Fixtures;
import io.commandpost.ingest.support.MutableClock;
import io.commandpost.ingest.support.Topic;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = LocalInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "commandpost_alert_ingest"))
class SlackWebhookIT {

    private static final String COMMANDS = "/v1/webhooks/slack/commands";
    private static final String EVENTS = "/v1/webhooks/slack/events";
    private static final byte[] VECTOR_BODY = Fixtures.bytes("slack/slack-docs-signing-vector.slash-command.body.txt");
    private static final JsonNode VECTOR = json(Fixtures.bytes("slack/constructed-wrapper-slack-docs-signing-vector.json"));

    @Inject
    MutableClock clock;

    @Inject
    SlackReplies replies;

    @AfterEach
    void restore() {
        clock.reset();
        replies.budget(Duration.ofMillis(2500));
    }

    @Test
    void slacksDocumentedSigningExampleVerifiesWithTheClockPinnedToItsTimestamp() {
        slackIntegration("docs-vector", VECTOR.path("signing_secret").asText(), Map.of());
        clock.pin(Instant.ofEpochSecond(vectorTimestamp()));

        // the documented request has an empty text: verified, and answered with the usage, not a 401
        postVector().then().statusCode(200).contentType("application/json")
                .body("response_type", equalTo("ephemeral")).body("text", containsString("Usage: /webhook-collect"));
    }

    @Test
    void slacksDocumentedSigningExampleIsRefusedAsAReplayWithTodaysClock() {
        slackIntegration("docs-vector", VECTOR.path("signing_secret").asText(), Map.of());

        postVector().then().statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("replay"));
    }

    @Test
    void aSlashCommandBecomesAQuestionAndIsAnsweredAtOnce() {
        String secret = "secret-" + UUID.randomUUID();
        slackIntegration("payments", secret, Map.of("C111", "payments-web"));
        byte[] body = Fixtures.bytes("slack/bolt-python-slash-command.body.txt");

        signed(COMMANDS, "application/x-www-form-urlencoded", body, secret).then().statusCode(200)
                .body("response_type", equalTo("ephemeral")).body("text", equalTo(SlackReplies.RECEIVED));

        EventEnvelope question = questionOf("W111");
        assertThat(question.data().path("team").asText()).isEqualTo("payments-web");
        assertThat(question.data().path("channel").asText()).isEqualTo("slack");
        assertThat(question.data().path("text").asText()).isEqualTo("Hi");
        assertThat(question.data().path("threadRef").asText()).isEqualTo("C111");
    }

    @Test
    void aSlowAnswerIsFollowedUpThroughTheResponseUrl() throws IOException {
        String secret = "secret-" + UUID.randomUUID();
        slackIntegration("payments", secret, Map.of());
        List<String> followUps = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/commands/T1/1/x", exchange -> {
            followUps.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            replies.budget(Duration.ZERO);
            String responseUrl = "http://localhost:" + server.getAddress().getPort() + "/commands/T1/1/x";
            byte[] body = ("command=%2Fmro&text=is+the+deploy+frozen%3F&user_id=U42&channel_id=C9&trigger_id="
                    + UUID.randomUUID() + "&response_url=" + URLEncoder.encode(responseUrl, StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8);

            signed(COMMANDS, "application/x-www-form-urlencoded", body, secret).then().statusCode(200)
                    .body("text", equalTo(SlackReplies.WORKING));

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(followUps)
                    .anySatisfy(followUp -> assertThat(json(followUp.getBytes(StandardCharsets.UTF_8)).path("text")
                            .asText()).isEqualTo(SlackReplies.RECEIVED)));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void refusesABodyChangedAfterSigning() {
        String secret = "secret-" + UUID.randomUUID();
        slackIntegration("payments", secret, Map.of());
        byte[] body = Fixtures.bytes("slack/bolt-python-slash-command.body.txt");
        String timestamp = String.valueOf(clock.instant().getEpochSecond());

        raw().contentType("application/x-www-form-urlencoded").header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", sign(secret, timestamp, body))
                .body(new String(body, StandardCharsets.UTF_8).replace("text=Hi", "text=Hj").getBytes(StandardCharsets.UTF_8))
                .post(COMMANDS)
                .then().statusCode(401).contentType("application/problem+json");
        raw().contentType("application/x-www-form-urlencoded").body(body).post(COMMANDS).then().statusCode(401);
    }

    @Test
    void answersTheUrlVerificationChallenge() {
        String secret = "secret-" + UUID.randomUUID();
        slackIntegration("payments", secret, Map.of());
        byte[] body = "{\"token\":\"Jhj5dZrVaK7ZwHHjRyZWjbDl\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\",\"type\":\"url_verification\"}"
                .getBytes(StandardCharsets.UTF_8);

        signed(EVENTS, "application/json", body, secret).then().statusCode(200)
                .body("challenge", equalTo("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"));
    }

    @Test
    void aMessageInAConfiguredChannelBecomesOneQuestionEvenWhenSlackRetries() {
        String secret = "secret-" + UUID.randomUUID();
        String channel = "C" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        slackIntegration("payments", secret, Map.of(channel, "sre"));
        String eventId = "Ev" + UUID.randomUUID().toString().replace("-", "");
        byte[] body = eventCallback(eventId, channel, "\"user\":\"U7\",\"text\":\"who owns the payments DB?\","
                + "\"ts\":\"1736071200.000200\",\"thread_ts\":\"1736071100.000100\"");

        signed(EVENTS, "application/json", body, secret).then().statusCode(200).body("ok", equalTo(true));
        raw().contentType("application/json").header("X-Slack-Retry-Num", "1")
                .header("X-Slack-Retry-Reason", "http_timeout").header("X-Slack-Request-Timestamp", now())
                .header("X-Slack-Signature", sign(secret, now(), body)).body(body).post(EVENTS)
                .then().statusCode(200).body("ignored", containsString("retry 1"));

        EventEnvelope question = questionOf("U7");
        assertThat(question.data().path("team").asText()).isEqualTo("sre");
        assertThat(question.data().path("text").asText()).isEqualTo("who owns the payments DB?");
        assertThat(question.data().path("threadRef").asText()).isEqualTo(channel + "/1736071100.000100");
        assertThat(Topic.envelopes(Topics.QUESTIONS, Topic.dataField("asker", "U7")
                .and(envelope -> question.data().path("questionId").equals(envelope.data().path("questionId")))))
                .hasSize(1);
    }

    @Test
    void ignoresBotMessagesEditsAndUnconfiguredChannels() {
        String secret = "secret-" + UUID.randomUUID();
        slackIntegration("payments", secret, Map.of("CMRO", "payments"));

        for (byte[] body : List.of(
                eventCallback("EvBot" + UUID.randomUUID(), "CMRO",
                        "\"subtype\":\"bot_message\",\"bot_id\":\"B1\",\"text\":\"deploy done\",\"ts\":\"1.1\""),
                eventCallback("EvBot2" + UUID.randomUUID(), "CMRO",
                        "\"user\":\"U8\",\"bot_id\":\"B1\",\"text\":\"app says hi\",\"ts\":\"1.2\""),
                eventCallback("EvEdit" + UUID.randomUUID(), "CMRO",
                        "\"subtype\":\"message_changed\",\"user\":\"U8\",\"text\":\"x\",\"ts\":\"1.3\""),
                eventCallback("EvOther" + UUID.randomUUID(), "CRANDOM",
                        "\"user\":\"U8\",\"text\":\"lunch?\",\"ts\":\"1.4\""))) {
            signed(EVENTS, "application/json", body, secret).then().statusCode(200)
                    .body("ignored", org.hamcrest.Matchers.notNullValue());
        }

        assertThat(Topic.envelopes(Topics.QUESTIONS, Topic.dataField("asker", "U8")
                .and(envelope -> envelope.data().path("threadRef").asText().startsWith("C")))).isEmpty();
    }

    private Response postVector() {
        JsonNode headers = VECTOR.path("request_headers");
        return raw().contentType("application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", headers.path("X-Slack-Request-Timestamp").asText())
                .header("X-Slack-Signature", headers.path("X-Slack-Signature").asText())
                .body(VECTOR_BODY).post(COMMANDS);
    }

    private Response signed(String path, String contentType, byte[] body, String secret) {
        String timestamp = now();
        return raw().contentType(contentType).header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", sign(secret, timestamp, body)).body(body).post(path);
    }

    /** Sends bodies as the exact bytes given (RestAssured would re-encode a form body). */
    private static io.restassured.specification.RequestSpecification raw() {
        return given().config(io.restassured.RestAssured.config().encoderConfig(
                io.restassured.config.EncoderConfig.encoderConfig()
                        .encodeContentTypeAs("application/x-www-form-urlencoded", io.restassured.http.ContentType.BINARY)
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)));
    }

    private String now() {
        return String.valueOf(clock.instant().getEpochSecond());
    }

    private static EventEnvelope questionOf(String asker) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> Topic.envelopes(Topics.QUESTIONS,
                Topic.dataField("asker", asker)), found -> !found.isEmpty()).get(0);
    }

    private static byte[] eventCallback(String eventId, String channel, String eventFields) {
        return ("{\"token\":\"x\",\"team_id\":\"T1\",\"api_app_id\":\"A1\",\"type\":\"event_callback\","
                + "\"event_id\":\"" + eventId + "\",\"event_time\":1736071200,"
                + "\"event\":{\"type\":\"message\",\"channel\":\"" + channel + "\"," + eventFields + "}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String slackIntegration(String team, String secret, Map<String, String> channels) {
        return Api.createIntegration(Map.of("team", team, "type", "slack", "name", "slack app",
                "signingSecret", secret, "channels", channels)).id();
    }

    private static long vectorTimestamp() {
        return VECTOR.path("request_headers").path("X-Slack-Request-Timestamp").asLong();
    }

    static String sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(byte[] bytes) {
        try {
            return EventJson.mapper().readTree(bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

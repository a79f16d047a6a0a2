package io.commandpost.ingest.email;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.commandpost.events.EventEnvelope;
import io.commandpost.events.Topics;
import io.commandpost.infra.test.LocalInfraResource;
import io.commandpost.ingest.support.Api;
import io.commandpost.ingest.support.Fixtures;
import io.commandpost.ingest.support.Topic;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = LocalInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "commandpost_alert_ingest"))
class EmailWebhookIT {

    private static final String URL = "/v1/webhooks/email";

    @Test
    void aUrlencodedInboundMailBecomesAQuestionThreadedByItsMessageId() {
        Api.CreatedIntegration integration = Api.createIntegration("payments", "email", null);
        String messageId = "<" + UUID.randomUUID() + "@mail.example.com>";

        String questionId = integration.webhook().contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("from", "Ada <ada@example.com>", "to", "mro-payments@in.example.com",
                        "subject", "Refund job stuck?", "text", "The nightly refund job has not finished.",
                        "message-id", messageId))
                .post(URL).then().statusCode(202).extract().path("questionId");

        EventEnvelope question = only(Topic.envelopes(Topics.QUESTIONS, Topic.dataField("questionId", questionId)));
        assertThat(question.data().path("team").asText()).isEqualTo("payments");
        assertThat(question.data().path("channel").asText()).isEqualTo("email");
        assertThat(question.data().path("asker").asText()).isEqualTo("Ada <ada@example.com>");
        assertThat(question.data().path("text").asText())
                .isEqualTo("Refund job stuck?\n\nThe nightly refund job has not finished.");
        assertThat(question.data().path("threadRef").asText()).isEqualTo(messageId);
    }

    @Test
    void aMultipartInboundMailTakesTheMessageIdFromTheRawHeaders() {
        Api.CreatedIntegration integration = Api.createIntegration("payments", "email", null);
        String messageId = "<" + UUID.randomUUID() + "@mail.example.com>";

        String questionId = integration.webhook().multiPart("from", "bob@example.com")
                .multiPart("to", "mro@in.example.com").multiPart("subject", "Is prod frozen?")
                .multiPart("text", "")
                .multiPart("headers", "Received: by mx\nMessage-ID: " + messageId + "\nSubject: Is prod frozen?\n")
                .post(URL).then().statusCode(202).extract().path("questionId");

        EventEnvelope question = only(Topic.envelopes(Topics.QUESTIONS, Topic.dataField("questionId", questionId)));
        assertThat(question.data().path("text").asText()).isEqualTo("Is prod frozen?");
        assertThat(question.data().path("threadRef").asText()).isEqualTo(messageId);
    }

    /** Real captures of the two services' posts (fixtures/SOURCES.md): multipart, with file parts that are skipped. */
    @Test
    void aSendGridInboundParsePostBecomesAQuestion() {
        Api.CreatedIntegration integration = Api.createIntegration("payments", "email", null);

        EventEnvelope question = questionFrom(integration, "multipart/form-data; boundary=xYzZY",
                "email/multi-mail-sendgrid-inbound-parse.multipart.txt");

        assertThat(question.data().path("asker").asText()).isEqualTo("James McKinney <james@opennorth.ca>");
        assertThat(question.data().path("text").asText()).startsWith("Test\n\nbold text").endsWith("Signature block");
        assertThat(question.data().path("threadRef").asText())
                .isEqualTo("<D0AB77C1-A89D-4D9E-A207-5E20A6D36BEF@opennorth.ca>");
    }

    @Test
    void aMailgunRouteForwardPostBecomesAQuestion() {
        Api.CreatedIntegration integration = Api.createIntegration("payments", "email", null);

        EventEnvelope question = questionFrom(integration,
                "multipart/form-data; boundary=515e0b8d-a7e3-43ef-808e-f27b75edf470",
                "email/multi-mail-mailgun-route-forward.multipart.txt");

        assertThat(question.data().path("asker").asText()).isEqualTo("James McKinney <james@opennorth.ca>");
        assertThat(question.data().path("text").asText()).isEqualTo(
                "Test\n\nbold text\r\n\r\n\r\n\r\nsome more bold text\r\n\r\n\r\n\r\nsome italic text");
        assertThat(question.data().path("threadRef").asText())
                .isEqualTo("<E102015D-F580-4316-81FA-7324838A3AE8@opennorth.ca>");
    }

    /** A body that is not the multipart it claims to be is a 400 problem, not a 500. */
    @Test
    void aMultipartWithoutItsClosingDelimiterIsA400Problem() {
        Api.CreatedIntegration integration = Api.createIntegration("payments", "email", null);

        integration.webhook().contentType("multipart/form-data; boundary=xYzZY")
                .body(("--xYzZY\r\nContent-Disposition: form-data; name=\"from\"\r\n\r\nada@example.com\r\n--xYzZY\r\n"
                        + "Content-Disposition: form-data; name=\"text\"\r\n\r\nhello").getBytes(StandardCharsets.US_ASCII))
                .post(URL).then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aMailWithoutSenderIsA400NamingTheField() {
        Api.CreatedIntegration integration = Api.createIntegration("payments", "email", null);

        integration.webhook().contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("subject", "hello", "text", "anyone?")).post(URL)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].pointer", equalTo("/from"));
    }

    @Test
    void needsAnEmailIntegrationsToken() {
        Api.CreatedIntegration alertmanager = Api.createIntegration("payments", "alertmanager", null);

        given().contentType("application/x-www-form-urlencoded").formParams(Map.of("from", "a@b", "text", "x"))
                .post(URL).then().statusCode(401);
        alertmanager.webhook().contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("from", "a@b", "text", "x")).post(URL).then().statusCode(403);
    }

    private static EventEnvelope questionFrom(Api.CreatedIntegration integration, String contentType, String fixture) {
        String questionId = integration.webhook().contentType(contentType).body(Fixtures.bytes(fixture)).post(URL)
                .then().statusCode(202).extract().path("questionId");
        EventEnvelope question = only(Topic.envelopes(Topics.QUESTIONS, Topic.dataField("questionId", questionId)));
        assertThat(question.data().path("channel").asText()).isEqualTo("email");
        return question;
    }

    private static EventEnvelope only(List<EventEnvelope> envelopes) {
        assertThat(envelopes).hasSize(1);
        return envelopes.get(0);
    }
}

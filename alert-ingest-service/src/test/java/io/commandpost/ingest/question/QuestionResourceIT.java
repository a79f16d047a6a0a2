package io.commandpost.ingest.question;

import static io.commandpost.ingest.support.Api.withApiKey;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.commandpost.events.EventEnvelope;
import io.commandpost.events.QuestionEvent.QuestionAsked;
import io.commandpost.events.Topics;
import io.commandpost.infra.test.LocalInfraResource;
import io.commandpost.infra.test.TestTokens;
import io.commandpost.infra.test.TestKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = LocalInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "commandpost_alert_ingest"))
class QuestionResourceIT {

    @Test
    void publishesTheQuestionBeforeAnswering() {
        // the asker is the signed-in person; an "asker" in the body is ignored
        String questionId = given().auth().oauth2(TestTokens.person("bob", "viewer")).contentType("application/json")
                .body(Map.of("team", "payments", "text", "how do I rotate the TLS cert?", "asker", "mallory",
                        "threadRef", "ticket-42"))
                .post("/v1/questions")
                .then().statusCode(202).body("questionId", notNullValue()).extract().path("questionId");

        List<EventEnvelope> onTopic = TestKafka.consumeAll(Topics.QUESTIONS, Duration.ofSeconds(30)).stream()
                .map(TestKafka::envelope).filter(envelope -> envelope.aggregateId().equals(questionId)).toList();
        assertThat(onTopic).hasSize(1);
        QuestionAsked asked = (QuestionAsked) onTopic.get(0).event().orElseThrow();
        assertThat(asked.questionId()).isEqualTo(UUID.fromString(questionId));
        assertThat(asked.team()).isEqualTo("payments");
        assertThat(asked.channel()).isEqualTo("api");
        assertThat(asked.asker()).isEqualTo("bob");
        assertThat(asked.text()).isEqualTo("how do I rotate the TLS cert?");
        assertThat(asked.threadRef()).isEqualTo("ticket-42");
        assertThat(asked.askedAt()).isNotNull();
    }

    @Test
    void namesMissingFields() {
        withApiKey().contentType("application/json").body(Map.of("team", "payments"))
                .post("/v1/questions").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].pointer", equalTo("/text"));
        withApiKey().contentType("application/json").body("{\"team\":").post("/v1/questions")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void needsTheApiKey() {
        given().contentType("application/json").body(Map.of("team", "payments", "text", "?"))
                .post("/v1/questions").then().statusCode(401);
    }
}

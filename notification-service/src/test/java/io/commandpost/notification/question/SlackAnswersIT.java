package io.commandpost.notification.question;

import static io.commandpost.notification.support.TestEvents.T0;
import static io.commandpost.notification.support.TestEvents.envelope;
import static io.commandpost.notification.support.TestEvents.teamCreated;
import static io.commandpost.notification.support.TestEvents.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.commandpost.events.EventEnvelope;
import io.commandpost.events.EventJson;
import io.commandpost.events.QuestionEvent;
import io.commandpost.infra.test.LocalInfraResource;
import io.commandpost.notification.answer.SlackQuestion;
import io.commandpost.notification.delivery.DeliveryKind;
import io.commandpost.notification.delivery.DeliveryStatus;
import io.commandpost.notification.delivery.Notification;
import io.commandpost.notification.delivery.Notifications;
import io.commandpost.notification.oncall.OnCallDirectory;
import io.commandpost.notification.support.EventTopics;
import io.commandpost.notification.support.LocalSlackApi;
import io.commandpost.notification.support.LocalSlackApi.Call;
import io.commandpost.notification.support.NotificationTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The MRO's answer to a question asked in Slack is a reply in the question's thread ({@code chat.postMessage} with
 * {@code thread_ts}), against the real broker and database and the local Slack Web API, which refuses a
 * {@code thread_ts} that is no message of the channel.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "commandpost_notification"))
@QuarkusTestResource(NotificationTestResource.class)
class SlackAnswersIT {

    private static final Duration WAIT = Duration.ofSeconds(60); // Kafka consumers on a CI machine at load 40
    private static final String BOT_TOKEN = "xoxb-test-" + UUID.randomUUID();

    @Inject
    Notifications notifications;

    @Inject
    OnCallDirectory onCall;

    @Inject
    Clock clock;

    private final LocalSlackApi slack = LocalSlackApi.get();

    @Test
    void givenASlashCommandQuestion_thenTheAppPostsItInTheChannel_andTheAnswerIsAReplyInThatMessagesThread() {
        String team = slackTeam();
        String asked = channelId();
        UUID questionId = UUID.randomUUID();
        EventTopics.produce(envelope(new QuestionEvent.QuestionAsked(questionId, team, "slack", "U-carol",
                "Is the VPN down?", asked, T0), 1));

        Call question = await().atMost(WAIT).until(() -> slack.calls("chat.postMessage", asked), c -> c.size() == 1)
                .get(0);
        assertThat(question.token()).isEqualTo(BOT_TOKEN);
        assertThat(question.param("thread_ts")).isNull();
        assertThat(question.param("text")).isEqualTo("<@U-carol> asked the MRO:\n>Is the VPN down?");
        Notification post = await().atMost(WAIT).until(() -> notifications.find(SlackQuestion.postIdOf(questionId)),
                n -> n.isPresent() && n.get().status() == DeliveryStatus.SENT).orElseThrow();
        assertThat(post.kind()).isEqualTo(DeliveryKind.QUESTION);
        String questionTs = post.providerMessageId();
        assertThat(slack.hasMessage(asked, questionTs)).isTrue();

        EventEnvelope answered = envelope(new QuestionEvent.QuestionAnswered(questionId, team, "slack", asked,
                "Yes, the gateway restarted; back at 9:20.", "alice", T0.plusSeconds(600)), 2);
        EventTopics.produce(answered);
        EventTopics.produce(answered); // a redelivery answers once

        Call reply = await().atMost(WAIT).until(() -> slack.calls("chat.postMessage", asked), c -> c.size() == 2)
                .get(1);
        assertThat(reply.param("thread_ts")).isEqualTo(questionTs);
        assertThat(reply.param("text")).isEqualTo("*Answer from Alice (MRO):* Yes, the gateway restarted; back at 9:20.");
        Notification answer = await().atMost(WAIT).until(() -> answerTo(team, questionId),
                n -> n.isPresent() && n.get().status() == DeliveryStatus.SENT).orElseThrow();
        assertThat(answer.channel()).isEqualTo(Notification.SLACK);
        assertThat(answer.providerChannel()).isEqualTo(asked);
        assertThat(answer.providerMessageId()).isNotNull().isNotEqualTo(questionTs);
        assertThat(slack.calls("chat.postMessage", asked)).hasSize(2);
    }

    @Test
    void givenAQuestionAskedAsAMessage_thenTheAnswerIsAReplyInItsThreadAndNothingElseIsPosted() {
        String team = slackTeam();
        String asked = channelId();
        String messageTs = slack.personPosts(asked);
        UUID questionId = UUID.randomUUID();
        EventTopics.produce(envelope(new QuestionEvent.QuestionAsked(questionId, team, "slack", "U-dan",
                "Deploy freeze today?", asked + "/" + messageTs, T0), 1));
        EventTopics.produce(envelope(new QuestionEvent.QuestionAnswered(questionId, team, "slack",
                asked + "/" + messageTs, "No freeze <today>.", "bob", T0.plusSeconds(60)), 2));

        Call reply = await().atMost(WAIT).until(() -> slack.calls("chat.postMessage", asked), c -> !c.isEmpty())
                .get(0);
        assertThat(reply.param("thread_ts")).isEqualTo(messageTs);
        assertThat(reply.param("text")).isEqualTo("*Answer from Bob (MRO):* No freeze &lt;today&gt;.");
        await().atMost(WAIT).until(() -> answerTo(team, questionId),
                n -> n.isPresent() && n.get().status() == DeliveryStatus.SENT);
        assertThat(slack.calls("chat.postMessage", asked)).hasSize(1);
    }

    @Test
    void givenSlackAlreadyHasTheAnswer_whenItsDeliveryIsTriedAgain_thenItIsNotPostedTwice() {
        String team = slackTeam();
        String asked = channelId();
        String messageTs = slack.personPosts(asked);
        UUID questionId = UUID.randomUUID();
        Instant now = clock.instant();
        Notification answer = Notification.slackQuestion(UUID.randomUUID(), DeliveryKind.ANSWER, team,
                questionId.toString(), EventJson.mapper().valueToTree(new SlackQuestion(questionId, asked, messageTs,
                        "U-erin", "Anything to know?", "Alice")), "All quiet.", UUID.randomUUID(), null, now);
        // what a crash between Slack's answer and the outcome's commit leaves: the row PENDING, Slack's ts kept
        notifications.recordProviderMessage(answer.notificationId(), asked, "1700000000.424242", now);
        QuarkusTransaction.requiringNew().run(() -> notifications.insert(answer));

        await().atMost(WAIT).until(() -> notifications.find(answer.notificationId()).orElseThrow().status()
                == DeliveryStatus.SENT);
        assertThat(slack.calls("chat.postMessage", asked)).isEmpty();
    }

    private Optional<Notification> answerTo(String team, UUID questionId) {
        return notifications.byTeam(team, Optional.of(DeliveryKind.ANSWER), 10).stream()
                .filter(n -> n.subjectId().equals(questionId.toString())).findFirst();
    }

    /** A team connected to a fresh workspace, its members projected (alice, bob). */
    private String slackTeam() {
        String team = unique("asks");
        String workspace = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        api().contentType("application/json")
                .body(Map.of("name", "Acme", "botToken", BOT_TOKEN, "signingSecret", "s-" + UUID.randomUUID()))
                .put("/v1/slack/workspaces/{id}", workspace).then().statusCode(201);
        api().contentType("application/json").body(Map.of("slackTeamId", workspace, "channelId", channelId()))
                .put("/v1/teams/{team}/slack", team).then().statusCode(200);
        EventTopics.produce(envelope(teamCreated(team, "alice", "bob"), 1));
        await().atMost(WAIT).until(() -> onCall.members(team).size() == 2);
        return team;
    }

    private static String channelId() {
        return "C" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    private static io.restassured.specification.RequestSpecification api() {
        return given().auth().oauth2(NotificationTestResource.API_KEY);
    }
}

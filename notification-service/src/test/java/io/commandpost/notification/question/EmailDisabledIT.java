package io.commandpost.notification.question;

import static io.commandpost.notification.support.TestEvents.T0;
import static io.commandpost.notification.support.TestEvents.alert;
import static io.commandpost.notification.support.TestEvents.envelope;
import static io.commandpost.notification.support.TestEvents.mroShift;
import static io.commandpost.notification.support.TestEvents.teamCreated;
import static io.commandpost.notification.support.TestEvents.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.commandpost.events.QuestionEvent;
import io.commandpost.infra.test.LocalInfraResource;
import io.commandpost.notification.config.NotifyConfig;
import io.commandpost.notification.delivery.DeliveryKind;
import io.commandpost.notification.delivery.DeliveryStatus;
import io.commandpost.notification.delivery.Notification;
import io.commandpost.notification.delivery.Notifications;
import io.commandpost.notification.oncall.OnCallDirectory;
import io.commandpost.notification.oncall.Recipient;
import io.commandpost.notification.support.EventTopics;
import io.commandpost.notification.support.NotificationTestResource;
import io.commandpost.notification.support.TestWebhookReceiver;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** With the email channel off (the default, as ./run starts it), email deliveries are recorded SKIPPED, not lost. */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "commandpost_notification"))
@QuarkusTestResource(NotificationTestResource.class)
class EmailDisabledIT {

    private static final Duration WAIT = Duration.ofSeconds(60); // Kafka consumers on a CI machine at load 40

    @Inject
    Notifications notifications;

    @Inject
    OnCallDirectory onCall;

    @Test
    void anAnswerToAnEmailedQuestionIsRecordedSkippedWithTheReason() {
        String team = unique("nomail");
        UUID questionId = UUID.randomUUID();
        EventTopics.produce(envelope(new QuestionEvent.QuestionAsked(questionId, team, "email", "carol@example.org",
                "Is the VPN down?", "<" + questionId + "@mail.example.org>", T0), 1));
        EventTopics.produce(envelope(new QuestionEvent.QuestionAnswered(questionId, team, "email",
                "<" + questionId + "@mail.example.org>", "yes", "alice", T0.plusSeconds(60)), 2));

        Notification answer = await().atMost(WAIT).until(() -> of(team, DeliveryKind.ANSWER), l -> l.size() == 1)
                .get(0);
        assertThat(answer.status()).isEqualTo(DeliveryStatus.SKIPPED);
        assertThat(answer.lastError()).isEqualTo(NotifyConfig.EMAIL_DISABLED);
    }

    @Test
    void anEmailRuleIsRecordedSkippedWhileTheWebhookPageGoesOut() {
        String team = unique("nomail");
        given().auth().oauth2(NotificationTestResource.API_KEY).contentType("application/json")
                .body("{\"steps\":[{\"delayMinutes\":30,\"targets\":[\"on-duty\"]}],\"repeat\":0,\"floodWindowSeconds\":0}")
                .put("/v1/teams/{team}/paging-policy", team).then().statusCode(200);
        EventTopics.produce(envelope(teamCreated(team, "alice"), 1));
        EventTopics.produce(envelope(mroShift(team, "alice", T0), 1));
        await().atMost(WAIT).until(() -> onCall.currentMro(team).map(Recipient::handle).equals(Optional.of("alice")));
        given().auth().oauth2(NotificationTestResource.API_KEY).contentType("application/json")
                .body("{\"rules\":[{\"method\":\"webhook\",\"afterMinutes\":0},{\"method\":\"email\",\"afterMinutes\":0}]}")
                .put("/v1/teams/{team}/members/{handle}/contact", team, "alice").then().statusCode(200);

        EventTopics.produce(envelope(alert(team, "disk"), 0));

        await().atMost(WAIT).until(() -> TestWebhookReceiver.get().pagesFor(team).size() == 1);
        List<Notification> pages = await().atMost(WAIT).until(() -> of(team, DeliveryKind.PAGE), l -> l.size() == 2);
        Notification email = pages.stream().filter(n -> Notification.EMAIL.equals(n.channel())).findFirst().orElseThrow();
        assertThat(email.status()).isEqualTo(DeliveryStatus.SKIPPED);
        assertThat(email.lastError()).isEqualTo(NotifyConfig.EMAIL_DISABLED);
    }

    private List<Notification> of(String team, DeliveryKind kind) {
        return notifications.byTeam(team, Optional.of(kind), 10);
    }
}

package io.commandpost.notification.question;

import static io.commandpost.notification.support.TestEvents.T0;
import static io.commandpost.notification.support.TestEvents.envelope;
import static io.commandpost.notification.support.TestEvents.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.commandpost.events.QuestionEvent;
import io.commandpost.infra.test.LocalInfraResource;
import io.commandpost.notification.delivery.DeliveryKind;
import io.commandpost.notification.delivery.DeliveryStatus;
import io.commandpost.notification.delivery.Notification;
import io.commandpost.notification.delivery.Notifications;
import io.commandpost.notification.support.EventTopics;
import io.commandpost.notification.support.MailProfile;
import io.commandpost.notification.support.NotificationTestResource;
import io.commandpost.notification.support.TestSmtpServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An emailed question answered by the MRO gets its answer by email, in its thread: real broker, PG and SMTP. */
@QuarkusTest
@TestProfile(MailProfile.class)
@QuarkusTestResource(value = LocalInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "commandpost_notification"))
@QuarkusTestResource(NotificationTestResource.class)
class EmailAnswersIT {

    private static final Duration WAIT = Duration.ofSeconds(60); // Kafka consumers on a CI machine at load 40

    @Inject
    Notifications notifications;

    private final TestSmtpServer smtp = TestSmtpServer.get();

    @Test
    void givenAQuestionAskedByEmail_whenTheMroAnswersIt_thenTheAskerGetsAReplyInTheSameThread() throws Exception {
        String team = unique("ask");
        UUID questionId = UUID.randomUUID();
        String asker = unique("carol") + "@example.org";
        String messageId = "<" + questionId + "@mail.example.org>";
        EventTopics.produce(envelope(new QuestionEvent.QuestionAsked(questionId, team, "email", asker,
                "Is the VPN down?\n\nI cannot connect since 9:00.", messageId, T0), 1));
        EventTopics.produce(envelope(new QuestionEvent.QuestionAnswered(questionId, team, "email", messageId,
                "Yes, the gateway restarted; it is back since 9:20.", "alice", T0.plusSeconds(600)), 2));

        MimeMessage reply = await().atMost(WAIT).until(() -> smtp.mailsTo(asker), mails -> mails.size() == 1).get(0);

        assertThat(reply.getSubject()).isEqualTo("Re: Is the VPN down?");
        assertThat(reply.getHeader("In-Reply-To")).containsExactly(messageId);
        assertThat(reply.getHeader("References")).containsExactly(messageId);
        assertThat(reply.getContent().toString()).startsWith("Yes, the gateway restarted")
                .contains("> I cannot connect since 9:00.");
        Notification answer = answers(team).get(0);
        assertThat(reply.getHeader("Message-ID")).containsExactly(
                "<" + answer.notificationId() + "@" + MailProfile.MESSAGE_ID_DOMAIN + ">");
        await().atMost(WAIT).until(() -> answers(team).get(0).status() == DeliveryStatus.SENT);
    }

    @Test
    void aQuestionAskedOnSlackIsNotAnsweredByEmail() {
        String team = unique("slack-ask");
        UUID questionId = UUID.randomUUID();
        EventTopics.produce(envelope(new QuestionEvent.QuestionAsked(questionId, team, "slack", "U7",
                "Is the VPN down?", "C1/1531420618.000200", T0), 1));
        EventTopics.produce(envelope(new QuestionEvent.QuestionAnswered(questionId, team, "slack",
                "C1/1531420618.000200", "yes", "alice", T0.plusSeconds(60)), 2));
        // a later emailed question of the same team shows the consumer went past the Slack one
        UUID emailed = UUID.randomUUID();
        EventTopics.produce(envelope(new QuestionEvent.QuestionAsked(emailed, team, "email", "dan@example.org",
                "Deploy freeze?", "<" + emailed + "@mail.example.org>", T0), 1));
        EventTopics.produce(envelope(new QuestionEvent.QuestionAnswered(emailed, team, "email",
                "<" + emailed + "@mail.example.org>", "no", "alice", T0.plusSeconds(60)), 2));

        await().atMost(WAIT).until(() -> answers(team).size() == 1);
        assertThat(answers(team).get(0).subjectId()).isEqualTo(emailed.toString());
    }

    /** The team's answers by email (a Slack question's answer goes on the slack channel: SlackAnswersIT). */
    private List<Notification> answers(String team) {
        return notifications.byTeam(team, Optional.of(DeliveryKind.ANSWER), 10).stream()
                .filter(n -> Notification.EMAIL.equals(n.channel())).toList();
    }
}

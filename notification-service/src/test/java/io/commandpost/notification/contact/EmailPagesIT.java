package io.commandpost.notification.contact;

import static io.commandpost.notification.support.TestEvents.T0;
import static io.commandpost.notification.support.TestEvents.alert;
import static io.commandpost.notification.support.TestEvents.envelope;
import static io.commandpost.notification.support.TestEvents.mroShift;
import static io.commandpost.notification.support.TestEvents.teamCreated;
import static io.commandpost.notification.support.TestEvents.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.commandpost.infra.test.LocalInfraResource;
import io.commandpost.infra.test.TestTokens;
import io.commandpost.notification.delivery.DeliveryKind;
import io.commandpost.notification.delivery.DeliveryStatus;
import io.commandpost.notification.delivery.Notification;
import io.commandpost.notification.delivery.Notifications;
import io.commandpost.notification.delivery.WebhookDelivery;
import io.commandpost.events.lifecycle.AlertState;
import io.commandpost.notification.oncall.OnCallDirectory;
import io.commandpost.notification.paging.AlertLifecycles;
import io.commandpost.notification.oncall.Recipient;
import io.commandpost.notification.support.EventTopics;
import io.commandpost.notification.support.MailProfile;
import io.commandpost.notification.support.NotificationTestResource;
import io.commandpost.notification.support.TestClock;
import io.commandpost.notification.support.TestSmtpServer;
import io.commandpost.notification.support.TestWebhookReceiver;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Pages by email and notification rules, end to end: real broker and database, real SMTP (GreenMail). Delayed
 * deliveries are driven by the tests' clock: after moving it, the test takes due deliveries itself, as a lane would.
 */
@QuarkusTest
@TestProfile(MailProfile.class)
@QuarkusTestResource(value = LocalInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "commandpost_notification"))
@QuarkusTestResource(NotificationTestResource.class)
class EmailPagesIT {

    private static final Duration WAIT = Duration.ofSeconds(60); // Kafka consumers on a CI machine at load 40
    private static final String POLICY = """
            {"steps":[{"delayMinutes":30,"targets":["on-duty"]}],"repeat":0,"ackTimeoutMinutes":60,
             "floodWindowSeconds":0}""";
    private static final String SLACK_THEN_EMAIL_AFTER_2 = """
            {"rules":[{"method":"webhook","afterMinutes":0},{"method":"email","afterMinutes":2}]}""";

    @Inject
    TestClock clock;

    @Inject
    OnCallDirectory onCall;

    @Inject
    Notifications notifications;

    @Inject
    WebhookDelivery delivery;

    @Inject
    AlertLifecycles lifecycles;

    private final TestSmtpServer smtp = TestSmtpServer.get();
    private final TestWebhookReceiver receiver = TestWebhookReceiver.get();

    @Test
    void givenAliceHasAnEmailAndNoRules_whenAnAlertPagesHer_thenAMailArrivesWithPrioritySummaryLinksAndItsMessageId()
            throws Exception {
        String team = teamWithAliceOnDuty();

        EventTopics.produce(envelope(alert(team, "disk-full"), 0));

        MimeMessage mail = await().atMost(WAIT).until(() -> smtp.mailsWithSubjectContaining(team), m -> m.size() == 1)
                .get(0);
        assertThat(mail.getSubject()).isEqualTo("[P1] " + team + ": disk full on db-1");
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("alice@example.com");
        Notification email = emailPages(team).get(0);
        assertThat(mail.getHeader("Message-ID")).containsExactly(
                "<" + email.notificationId() + "@" + MailProfile.MESSAGE_ID_DOMAIN + ">");
        String body = mail.getContent().toString();
        assertThat(body).contains("https://runbooks.example.com/disk")
                .contains("/v1/teams/" + team + "/alerts/disk-full/acknowledge")
                .contains("Authorization: Bearer <your token>");
        await().atMost(WAIT).until(() -> notifications.find(email.notificationId()).orElseThrow().status()
                == DeliveryStatus.SENT);
        await().atMost(WAIT).until(() -> receiver.pagesFor(team).size() == 1); // and the webhook, at once too
    }

    @Test
    void givenTheRuleEmailAfterTwoMinutes_whenAliceAcknowledgesBefore_thenNoMailIsSentAndTheDeliveryIsSkipped() {
        String team = teamWithAliceOnDuty();
        putContact(team, "alice", SLACK_THEN_EMAIL_AFTER_2);
        EventTopics.produce(envelope(alert(team, "cpu"), 0));
        await().atMost(WAIT).until(() -> receiver.pagesFor(team).size() == 1);
        Notification pending = await().atMost(WAIT).until(() -> emailPages(team), list -> list.size() == 1).get(0);
        assertThat(pending.status()).isEqualTo(DeliveryStatus.PENDING);

        given().auth().oauth2(TestTokens.person("alice", "responder"))
                .post("/v1/teams/{team}/alerts/{key}/acknowledge", team, "cpu").then().statusCode(202);
        await().atMost(WAIT).until(() -> acknowledged(team, "cpu"));
        clock.advance(Duration.ofMinutes(2).plusSeconds(1));
        takeDueDeliveries();

        Notification dropped = await().atMost(WAIT).until(() -> notifications.find(pending.notificationId()),
                n -> n.orElseThrow().status() != DeliveryStatus.PENDING).orElseThrow();
        assertThat(dropped.status()).isEqualTo(DeliveryStatus.SKIPPED);
        assertThat(dropped.lastError()).startsWith("acknowledged by alice");
        assertThat(smtp.mailsWithSubjectContaining(team)).isEmpty();
    }

    @Test
    void givenTheRuleEmailAfterTwoMinutes_whenNobodyAcknowledges_thenTheMailGoesAfterTwoMinutesAndNotBefore() {
        String team = teamWithAliceOnDuty();
        putContact(team, "alice", SLACK_THEN_EMAIL_AFTER_2);
        EventTopics.produce(envelope(alert(team, "latency"), 0));
        await().atMost(WAIT).until(() -> receiver.pagesFor(team).size() == 1);
        await().atMost(WAIT).until(() -> emailPages(team).size() == 1);
        takeDueDeliveries();
        assertThat(smtp.mailsWithSubjectContaining(team)).isEmpty();

        clock.advance(Duration.ofMinutes(2).plusSeconds(1));
        takeDueDeliveries();

        await().atMost(WAIT).until(() -> smtp.mailsWithSubjectContaining(team).size() == 1);
        assertThat(emailPages(team).get(0).status()).isEqualTo(DeliveryStatus.SENT);
    }

    @Test
    void contactsShowTheDefaultsUntilSetAndRefuseBrokenRulesWithProblemJson() {
        String team = teamWithAliceOnDuty();
        given().auth().oauth2(NotificationTestResource.API_KEY)
                .get("/v1/teams/{team}/members/{handle}/contact", team, "alice")
                .then().statusCode(200).body("isDefault", equalTo(true))
                .body("methods.email", equalTo("alice@example.com"))
                .body("rules[0].method", equalTo("webhook")).body("rules[1].method", equalTo("email"));
        given().auth().oauth2(NotificationTestResource.API_KEY).contentType("application/json")
                .body("{\"rules\":[{\"method\":\"pigeon\",\"afterMinutes\":0}]}")
                .put("/v1/teams/{team}/members/{handle}/contact", team, "alice")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(NotificationTestResource.API_KEY)
                .get("/v1/teams/{team}/members/{handle}/contact", team, "nobody")
                .then().statusCode(404).contentType("application/problem+json");

        putContact(team, "alice", "{\"methods\":{\"email\":\"pager@alice.example\"},"
                + "\"rules\":[{\"method\":\"email\",\"afterMinutes\":0}]}");

        given().auth().oauth2(NotificationTestResource.API_KEY)
                .get("/v1/teams/{team}/members/{handle}/contact", team, "alice")
                .then().statusCode(200).body("isDefault", equalTo(false))
                .body("methods.email", equalTo("pager@alice.example")).body("rules.size()", equalTo(1));
        // the Slack channel is the team's Slack mapping: a team not connected to a workspace has none to move
        given().auth().oauth2(NotificationTestResource.API_KEY).contentType("application/json")
                .body("{\"slackChannel\":\"C123\",\"emailList\":\"oncall@example.com\"}")
                .put("/v1/teams/{team}/channels", team).then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(NotificationTestResource.API_KEY).contentType("application/json")
                .body("{\"emailList\":\"oncall@example.com\"}")
                .put("/v1/teams/{team}/channels", team).then().statusCode(200);
        given().auth().oauth2(NotificationTestResource.API_KEY).get("/v1/teams/{team}/channels", team)
                .then().statusCode(200).body("channels.emailList", equalTo("oncall@example.com"));
    }

    private void takeDueDeliveries() {
        while (delivery.attemptNext()) {
            // each call takes one due delivery one step further
        }
    }

    private boolean acknowledged(String team, String dedupKey) {
        return lifecycles.find(team, dedupKey).map(AlertState::isAcknowledged).orElse(false);
    }

    private List<Notification> emailPages(String team) {
        return notifications.byTeam(team, Optional.of(DeliveryKind.PAGE), 50).stream()
                .filter(n -> Notification.EMAIL.equals(n.channel())).toList();
    }

    private void putContact(String team, String handle, String body) {
        given().auth().oauth2(NotificationTestResource.API_KEY).contentType("application/json").body(body)
                .put("/v1/teams/{team}/members/{handle}/contact", team, handle).then().statusCode(200);
    }

    private String teamWithAliceOnDuty() {
        String team = unique("mail");
        given().auth().oauth2(NotificationTestResource.API_KEY).contentType("application/json").body(POLICY)
                .put("/v1/teams/{team}/paging-policy", team).then().statusCode(200);
        EventTopics.produce(envelope(teamCreated(team, "alice", "bob"), 1));
        EventTopics.produce(envelope(mroShift(team, "alice", T0), 1));
        await().atMost(WAIT).until(() -> onCall.currentMro(team).map(Recipient::handle).equals(Optional.of("alice")));
        return team;
    }
}

package io.commandpost.notification.email;

import static io.commandpost.notification.support.TestEvents.T0;
import static io.commandpost.notification.support.TestEvents.envelope;
import static io.commandpost.notification.support.TestEvents.handedOver;
import static io.commandpost.notification.support.TestEvents.mroShift;
import static io.commandpost.notification.support.TestEvents.overdue;
import static io.commandpost.notification.support.TestEvents.teamCreated;
import static io.commandpost.notification.support.TestEvents.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.commandpost.events.ShiftEvent;
import io.commandpost.events.ShiftKind;
import io.commandpost.infra.test.LocalInfraResource;
import io.commandpost.notification.support.EventTopics;
import io.commandpost.notification.support.MailProfile;
import io.commandpost.notification.support.NotificationTestResource;
import io.commandpost.notification.support.TestSmtpServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The 09:00 announcement with its digest to the team's email list, and handover reminders by email: real SMTP. */
@QuarkusTest
@TestProfile(MailProfile.class)
@QuarkusTestResource(value = LocalInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "commandpost_notification"))
@QuarkusTestResource(NotificationTestResource.class)
class EmailAnnouncementsIT {

    private static final Duration WAIT = Duration.ofSeconds(60); // Kafka consumers on a CI machine at load 40
    private static final Instant NINE = T0.plus(Duration.ofDays(1));

    private final TestSmtpServer smtp = TestSmtpServer.get();

    @Test
    void theMorningAnnouncementWithItsDigestGoesToTheTeamsEmailListAsPlainText() throws Exception {
        String team = unique("list");
        String teamName = Character.toUpperCase(team.charAt(0)) + team.substring(1);
        String list = team + "-oncall@example.com";
        given().auth().oauth2(NotificationTestResource.API_KEY).contentType("application/json")
                .body("{\"emailList\":\"" + list + "\"}").put("/v1/teams/{team}/channels", team)
                .then().statusCode(200);
        ShiftEvent.ShiftStarted yesterday = mroShift(team, "alice", T0);
        ShiftEvent.ShiftHandedOver handover = handedOver(team, yesterday.shiftId(), "alice", "bob", "watch db-1",
                List.of("alert:disk"));
        EventTopics.produce(envelope(teamCreated(team, "alice", "bob"), 1));
        EventTopics.produce(envelope(handover, 2));
        EventTopics.produce(envelope(new ShiftEvent.ShiftStarted(team, UUID.randomUUID(), ShiftKind.MRO_DAY, "bob",
                NINE, NINE.plus(Duration.ofHours(9)), yesterday.shiftId(), handover.handoverId(), false, NINE), 3));

        MimeMessage mail = await().atMost(WAIT).until(() -> smtp.mailsTo(list), mails -> mails.size() == 1).get(0);

        assertThat(mail.getSubject()).isEqualTo("[CommandPost] Good morning! Today's MRO for " + teamName + " is Bob");
        assertThat(mail.getContent().toString())
                .contains("Overnight handover from Alice (1 open item): watch db-1")
                .contains("Overnight digest (since ")
                .doesNotContain("<@U-bob>");
    }

    @Test
    void aTeamWithoutAnEmailListGetsNoMorningMail() {
        String team = unique("nolist");
        EventTopics.produce(envelope(teamCreated(team, "carol"), 1));
        EventTopics.produce(envelope(mroShift(team, "carol", NINE), 2));
        String teamName = Character.toUpperCase(team.charAt(0)) + team.substring(1);

        await().atMost(WAIT).until(() -> !given().auth().oauth2(NotificationTestResource.API_KEY)
                .queryParam("team", team).queryParam("kind", "ANNOUNCEMENT").get("/v1/notifications")
                .jsonPath().getList("items").isEmpty());
        assertThat(smtp.mailsWithSubjectContaining("Today's MRO for " + teamName)).isEmpty();
        assertThat(given().auth().oauth2(NotificationTestResource.API_KEY).queryParam("team", team)
                .queryParam("kind", "ANNOUNCEMENT").get("/v1/notifications").jsonPath().getList("items.channel"))
                .doesNotContain("email");
    }

    @Test
    void anOverdueHandoverReminderAlsoReachesTheReceiverByEmail() throws Exception {
        String team = unique("remind");
        String finn = unique("finn");
        ShiftEvent.ShiftStarted shift = mroShift(team, "erin", T0);
        ShiftEvent.ShiftHandedOver handover = handedOver(team, shift.shiftId(), "erin", finn, "watch the queue",
                List.of("a", "b", "c"));
        EventTopics.produce(envelope(teamCreated(team, "erin", finn), 1));
        EventTopics.produce(envelope(handover, 1));
        EventTopics.produce(envelope(overdue(handover), 2));

        MimeMessage mail = await().atMost(WAIT).until(() -> smtp.mailsTo(finn + "@example.com"),
                mails -> mails.size() == 1).get(0);

        assertThat(mail.getSubject()).isEqualTo("[CommandPost] Please accept the handover from Erin (3 open items)");
    }
}

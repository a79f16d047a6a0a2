package io.commandpost.notification.announce;

import static io.commandpost.notification.support.TestEvents.T0;
import static io.commandpost.notification.support.TestEvents.envelope;
import static io.commandpost.notification.support.TestEvents.handedOver;
import static io.commandpost.notification.support.TestEvents.mroShift;
import static io.commandpost.notification.support.TestEvents.mroShiftAfter;
import static io.commandpost.notification.support.TestEvents.overdue;
import static io.commandpost.notification.support.TestEvents.restRule;
import static io.commandpost.notification.support.TestEvents.shift;
import static io.commandpost.notification.support.TestEvents.teamCreated;
import static io.commandpost.notification.support.TestEvents.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.agroal.api.AgroalDataSource;
import io.commandpost.events.EventEnvelope;
import io.commandpost.events.ShiftEvent;
import io.commandpost.events.ShiftKind;
import io.commandpost.events.Topics;
import io.commandpost.infra.test.LocalInfraResource;
import io.commandpost.notification.delivery.WebhookSignature;
import io.commandpost.notification.oncall.OnCallProjection;
import io.commandpost.notification.support.Db;
import io.commandpost.notification.support.EventTopics;
import io.commandpost.notification.support.NotificationTestResource;
import io.commandpost.notification.support.TestWebhookReceiver;
import io.commandpost.notification.support.TestWebhookReceiver.ReceivedPage;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = LocalInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "commandpost_notification"))
@QuarkusTestResource(NotificationTestResource.class)
class AnnouncementFlowIT {

    private static final Duration WAIT = Duration.ofSeconds(60); // Kafka consumers on a CI machine at load 40

    @Inject
    AgroalDataSource dataSource;

    private final TestWebhookReceiver receiver = TestWebhookReceiver.get();

    @Test
    void announcesTheMroOfTheDayWithTheOvernightDigestOncePerShiftStarted() {
        String team = unique("morning");
        String teamName = capitalized(team);
        ShiftEvent.ShiftStarted yesterday = mroShift(team, "alice", T0);
        ShiftEvent.ShiftHandedOver handover = handedOver(team, yesterday.shiftId(), "alice", "bob",
                "db failover pending", List.of("alert:disk-full", "question:q1"));
        ShiftEvent.ShiftStarted today = mroShiftAfter(team, "bob", T0.plus(Duration.ofDays(1)), yesterday.shiftId(),
                handover.handoverId());
        EventTopics.produce(envelope(teamCreated(team, "alice", "bob"), 1));
        EventTopics.produce(envelope(handover, 1));
        EventEnvelope started = envelope(today, 2);
        EventTopics.produce(started);
        EventTopics.produce(started); // redelivered: still one announcement

        await().atMost(WAIT).until(() -> receiver.announcementsContaining(teamName).size() == 1);
        assertThat(receiver.announcementsContaining(teamName).get(0).text()).isEqualTo(
                "Good morning! Today's MRO for " + teamName + " is Bob (<@U-bob>)\n"
                        + "Overnight handover from Alice (2 open items): db failover pending\n"
                        + "Overnight digest (since 3 Mar 08:00 UTC): quiet, nothing arrived and nothing is open.");

        await().atMost(WAIT).untilAsserted(() -> notifications(team)
                .body("items", hasSize(1))
                .body("items[0].kind", equalTo("ANNOUNCEMENT"))
                .body("items[0].channel", equalTo("team-channel"))
                .body("items[0].subjectType", equalTo("shift"))
                .body("items[0].subjectId", equalTo(today.shiftId().toString()))
                .body("items[0].recipient", nullValue())
                .body("items[0].status", equalTo("SENT")));
        EventEnvelope sent = EventTopics.awaitEnvelope(Topics.NOTIFICATIONS,
                candidate -> team.equals(candidate.data().path("team").asText()), WAIT);
        assertThat(sent.eventType()).isEqualTo("notification.sent");
        assertThat(sent.data().path("subjectType").asText()).isEqualTo("shift");
        assertThat(sent.data().path("subjectId").asText()).isEqualTo(today.shiftId().toString());
        assertThat(sent.causationId()).isEqualTo(started.eventId());
        assertThat(receiver.announcementsContaining(teamName)).hasSize(1);
    }

    @Test
    void neitherANightShiftNorALateShiftThatHasEndedIsAnnounced() {
        String team = unique("quiet");
        EventTopics.produce(envelope(teamCreated(team, "alice", "bob"), 1));
        EventTopics.produce(envelope(shift(team, "alice", ShiftKind.NIGHT_DUTY, T0), 1));
        Instant longAgo = T0.minus(Duration.ofDays(30));
        EventEnvelope late = envelope(new ShiftEvent.ShiftStarted(team, UUID.randomUUID(), ShiftKind.MRO_DAY, "bob",
                longAgo, longAgo.plus(Duration.ofHours(9)), null, null, true, T0), 2);
        EventTopics.produce(late);
        EventEnvelope current = envelope(mroShift(team, "alice", T0), 3);
        EventTopics.produce(current);

        await().atMost(WAIT).until(() -> Db.processed(dataSource, "announcements", current.eventId()));
        await().atMost(WAIT).untilAsserted(() -> notifications(team)
                .body("items", hasSize(1))
                .body("items[0].subjectId", equalTo(current.data().path("shiftId").asText())));
        assertThat(Db.processed(dataSource, "announcements", late.eventId())).isTrue();
    }

    @Test
    void announcesARestRuleAndRetriesTheChannelLikeAPage() {
        String team = unique("rest");
        receiver.answerAnnouncements("Carol rests today", 503);
        EventTopics.produce(envelope(teamCreated(team, "carol", "dan"), 1));
        EventEnvelope applied = envelope(restRule(team, "carol", "dan", "REST_AFTER_NIGHT_PAGE"), 1);
        EventTopics.produce(applied);

        await().atMost(WAIT).untilAsserted(() -> notifications(team)
                .body("items", hasSize(1))
                .body("items[0].kind", equalTo("ANNOUNCEMENT"))
                .body("items[0].subjectType", equalTo("rest-rule"))
                .body("items[0].subjectId", equalTo("2025-03-04/carol"))
                .body("items[0].status", equalTo("SENT"))
                .body("items[0].attempts", equalTo(2))
                .body("items[0].text", equalTo("Carol rests today after a night page; Dan is MRO instead.")));
        assertThat(receiver.announcementsContaining("Carol rests today after a night page; Dan is MRO instead."))
                .hasSize(2)
                .extracting(ReceivedPage::eventId).containsOnly(
                        receiver.announcementsContaining("Carol rests today").get(0).eventId());
    }

    @Test
    void remindsTheReceiverOfAnOverdueHandoverThroughTheSignedPageWebhook() {
        String team = unique("remind");
        ShiftEvent.ShiftStarted shift = mroShift(team, "erin", T0);
        ShiftEvent.ShiftHandedOver handover = handedOver(team, shift.shiftId(), "erin", "finn", "watch the queue",
                List.of("a", "b", "c"));
        EventTopics.produce(envelope(teamCreated(team, "erin", "finn"), 1));
        EventTopics.produce(envelope(handover, 1));
        EventEnvelope late = envelope(overdue(handover), 2);
        EventTopics.produce(late);

        await().atMost(WAIT).until(() -> receiver.pagesFor(team).size() == 1);
        ReceivedPage reminder = receiver.pagesFor(team).get(0);
        assertThat(WebhookSignature.verify(NotificationTestResource.SECRET, Long.parseLong(reminder.timestamp()),
                reminder.body(), reminder.signature())).isTrue();
        assertThat(reminder.json().path("kind").asText()).isEqualTo("reminder");
        assertThat(reminder.json().path("recipient").path("handle").asText()).isEqualTo("finn");
        assertThat(reminder.json().path("recipient").path("email").asText()).isEqualTo("finn@example.com");
        assertThat(reminder.text()).isEqualTo("Please accept the handover from Erin (3 open items)");
        await().atMost(WAIT).untilAsserted(() -> notifications(team)
                .body("items", hasSize(1))
                .body("items[0].kind", equalTo("REMINDER"))
                .body("items[0].subjectType", equalTo("handover"))
                .body("items[0].subjectId", equalTo(handover.handoverId().toString()))
                .body("items[0].recipient", equalTo("finn"))
                .body("items[0].status", equalTo("SENT")));
        EventEnvelope sent = EventTopics.awaitEnvelope(Topics.NOTIFICATIONS,
                candidate -> team.equals(candidate.data().path("team").asText()), WAIT);
        assertThat(sent.data().path("subjectType").asText()).isEqualTo("handover");
        assertThat(sent.data().path("recipient").asText()).isEqualTo("finn");
    }

    @Test
    void aHandoverAcceptedBeforeItsReminderGoesOutSkipsTheReminder() {
        String team = unique("accepted");
        ShiftEvent.ShiftStarted shift = mroShift(team, "gus", T0);
        ShiftEvent.ShiftHandedOver handover = handedOver(team, shift.shiftId(), "gus", "hal", "", List.of());
        EventTopics.produce(envelope(teamCreated(team, "gus", "hal"), 1));
        EventTopics.produce(envelope(handover, 1));
        EventEnvelope accepted = envelope(new ShiftEvent.ShiftHandoverAccepted(team, handover.handoverId(), "hal",
                T0.plus(Duration.ofHours(11))), 2);
        EventTopics.produce(accepted);
        await().atMost(WAIT).until(() -> Db.processed(dataSource, OnCallProjection.NAME, accepted.eventId()));
        EventTopics.produce(envelope(overdue(handover), 3));

        await().atMost(WAIT).untilAsserted(() -> notifications(team)
                .body("items", hasSize(1))
                .body("items[0].kind", equalTo("REMINDER"))
                .body("items[0].status", equalTo("SKIPPED"))
                .body("items[0].reason", equalTo("handover already accepted")));
        assertThat(receiver.pagesFor(team)).isEmpty();
    }

    private static ValidatableResponse notifications(String team) {
        return given().auth().oauth2(NotificationTestResource.API_KEY).queryParam("team", team)
                .get("/v1/notifications").then().statusCode(200);
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}

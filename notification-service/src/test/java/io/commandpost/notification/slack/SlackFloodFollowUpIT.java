package io.commandpost.notification.slack;

import static io.commandpost.notification.support.TestEvents.T0;
import static io.commandpost.notification.support.TestEvents.envelope;
import static io.commandpost.notification.support.TestEvents.mroShift;
import static io.commandpost.notification.support.TestEvents.teamCreated;
import static io.commandpost.notification.support.TestEvents.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.commandpost.events.AlertEvent;
import io.commandpost.events.EventEnvelope;
import io.commandpost.events.Priority;
import io.commandpost.events.lifecycle.AlertState;
import io.commandpost.infra.test.LocalInfraResource;
import io.commandpost.notification.delivery.DeliveryKind;
import io.commandpost.notification.delivery.Notification;
import io.commandpost.notification.delivery.Notifications;
import io.commandpost.notification.oncall.OnCallDirectory;
import io.commandpost.notification.oncall.Recipient;
import io.commandpost.notification.paging.AlertLifecycles;
import io.commandpost.notification.support.Db;
import io.commandpost.notification.support.EventTopics;
import io.commandpost.notification.support.LocalSlackApi;
import io.commandpost.notification.support.LocalSlackApi.Call;
import io.commandpost.notification.support.NotificationTestResource;
import io.commandpost.notification.support.TestClock;
import io.commandpost.platform.timer.TimerWorker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A flood window's follow-up in Slack: one message naming the held alerts, each linked, with Acknowledge all and
 * Open the list; a signed press of Acknowledge all acknowledges every one of them and the message says so.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "commandpost_notification"))
@QuarkusTestResource(NotificationTestResource.class)
class SlackFloodFollowUpIT {

    private static final Duration WAIT = Duration.ofSeconds(60); // Kafka consumers on a CI machine at load 40
    private static final String SIGNING_SECRET = "test-signing-secret-" + UUID.randomUUID();
    private static final String BOT_TOKEN = "xoxb-test-" + UUID.randomUUID();

    @Inject
    TestClock clock;

    @Inject
    TimerWorker timers;

    @Inject
    OnCallDirectory onCall;

    @Inject
    AlertLifecycles lifecycles;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Notifications notifications;

    private final LocalSlackApi slack = LocalSlackApi.get();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void givenAlertsHeldByTheFloodWindow_thenTheSlackFollowUpHasButtons_andAcknowledgeAllAcknowledgesThemAll()
            throws Exception {
        String team = unique("slackflood");
        String workspace = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        api().contentType("application/json")
                .body(Map.of("name", "Acme", "botToken", BOT_TOKEN, "signingSecret", SIGNING_SECRET))
                .put("/v1/slack/workspaces/{id}", workspace).then().statusCode(201);
        api().contentType("application/json").body(Map.of("slackTeamId", workspace, "channelId", "C0FLOOD" + team
                        .substring(team.length() - 4).toUpperCase()))
                .put("/v1/teams/{team}/slack", team).then().statusCode(200);
        api().contentType("application/json").body("{\"steps\":[{\"delayMinutes\":30,\"targets\":[\"on-duty\"]}],"
                        + "\"repeat\":0,\"floodWindowSeconds\":60}")
                .put("/v1/teams/{team}/paging-policy", team).then().statusCode(200);
        EventTopics.produce(envelope(teamCreated(team, "alice"), 1));
        EventTopics.produce(envelope(mroShift(team, "alice", T0), 2));
        await().atMost(WAIT).until(() -> onCall.currentMro(team).map(Recipient::handle).equals(Optional.of("alice")));

        List<EventEnvelope> alerts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            alerts.add(envelope(new AlertEvent.AlertReceived(team, "int-1", "alertmanager", "disk-" + i, Priority.P2,
                    "disk full on db-" + i, Map.of(), Map.of(), List.of(), T0, T0.plusSeconds(5)), 0));
            EventTopics.produce(alerts.get(i));
        }
        await().atMost(WAIT).until(() -> alerts.stream().allMatch(e -> Db.processed(dataSource, "paging", e.eventId())));
        Call first = await().atMost(WAIT).until(() -> dmsToAliceAbout(team), c -> c.size() == 1)
                .get(0);
        String paged = buttonValue(first, PageMessages.ACKNOWLEDGE).substring(team.length() + 1);

        clock.advance(Duration.ofSeconds(61));
        timers.fireDue();

        Call followUp = await().atMost(WAIT).until(() -> dmsToAliceAbout(team),
                c -> c.size() == 2).get(1);
        assertThat(followUp.param("text")).startsWith("4 alerts while you were paged: ");
        assertThat(LocalSlackApi.actionIds(followUp.json("blocks")))
                .containsExactly(PageMessages.ACKNOWLEDGE_ALL, PageMessages.OPEN_LIST);
        String blocks = followUp.json("blocks").toString();
        List<String> held = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            if (!("disk-" + i).equals(paged)) {
                held.add("disk-" + i);
                assertThat(blocks).contains("/v1/teams/" + team + "/queue/alert/disk-" + i + "|disk-" + i + ">");
            }
        }
        assertThat(blocks).contains("/v1/teams/" + team + "/queue\"");

        String dm = "D-alice"; // the app's DM with U-alice, as the local Slack API answers
        String ts = await().atMost(WAIT).until(() -> followUpTs(team), Optional::isPresent).orElseThrow();
        press(workspace, "U-alice", dm, ts, buttonValue(followUp, PageMessages.ACKNOWLEDGE_ALL),
                PageMessages.ACKNOWLEDGE_ALL);

        await().atMost(WAIT).until(() -> held.stream().allMatch(key -> lifecycles.find(team, key)
                .map(AlertState::acknowledgedBy).equals(Optional.of("alice"))));
        assertThat(lifecycles.find(team, paged).orElseThrow().isAcknowledged()).isFalse(); // not folded: its own page
        Call updated = await().atMost(WAIT).until(() -> slack.calls("chat.update", dm).stream()
                .filter(c -> ts.equals(c.param("ts")) && c.param("text").contains("4 acknowledged by alice"))
                .findFirst(), Optional::isPresent).orElseThrow();
        assertThat(LocalSlackApi.actionIds(updated.json("blocks"))).containsExactly(PageMessages.OPEN_LIST);
    }

    /** The Slack ts of the follow-up's message, once its delivery kept it. */
    /** Other tests page U-alice too (the local Slack API is shared): only this team's messages count. */
    private List<Call> dmsToAliceAbout(String team) {
        return slack.calls("chat.postMessage", "U-alice").stream()
                .filter(call -> (call.param("text") + call.param("blocks")).contains(team)).toList();
    }

    private Optional<String> followUpTs(String team) {
        return notifications.byTeam(team, Optional.of(DeliveryKind.PAGE), 50).stream()
                .filter(n -> Notification.SLACK.equals(n.channel()) && n.subjectId().startsWith("follow-up/"))
                .map(Notification::providerMessageId).filter(java.util.Objects::nonNull).findFirst();
    }

    private static String buttonValue(Call message, String actionId) {
        for (JsonNode block : message.json("blocks")) {
            for (JsonNode element : block.path("elements")) {
                if (actionId.equals(element.path("action_id").asText())) {
                    return element.path("value").asText();
                }
            }
        }
        throw new AssertionError("no button " + actionId);
    }

    private void press(String workspace, String slackUser, String channel, String messageTs, String value,
                       String actionId) throws Exception {
        String payload = json.writeValueAsString(Map.of(
                "type", "block_actions",
                "team", Map.of("id", workspace, "domain", "acme"),
                "user", Map.of("id", slackUser, "username", "someone", "team_id", workspace),
                "api_app_id", "A0LOCAL",
                "container", Map.of("type", "message", "message_ts", messageTs, "channel_id", channel,
                        "is_ephemeral", false),
                "channel", Map.of("id", channel, "name", "directmessage"),
                "actions", List.of(Map.of("action_id", actionId, "block_id", "commandpost.follow-up", "value", value,
                        "type", "button", "action_ts", "1700000000.000001"))));
        String body = "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
        long now = clock.instant().getEpochSecond();
        given().contentType("application/x-www-form-urlencoded")
                .header(SlackRequestSignature.TIMESTAMP_HEADER, Long.toString(now))
                .header(SlackRequestSignature.SIGNATURE_HEADER,
                        SlackRequestSignature.sign(SIGNING_SECRET, now, body.getBytes(StandardCharsets.UTF_8)))
                .body(body).post("/v1/slack/interactions").then().statusCode(200);
    }

    private static io.restassured.specification.RequestSpecification api() {
        return given().auth().oauth2(NotificationTestResource.API_KEY);
    }
}

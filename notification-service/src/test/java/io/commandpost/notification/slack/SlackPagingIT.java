package io.commandpost.notification.slack;

import static io.commandpost.notification.support.TestEvents.T0;
import static io.commandpost.notification.support.TestEvents.alert;
import static io.commandpost.notification.support.TestEvents.envelope;
import static io.commandpost.notification.support.TestEvents.mroShift;
import static io.commandpost.notification.support.TestEvents.teamCreated;
import static io.commandpost.notification.support.TestEvents.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.commandpost.infra.test.TestTokens;
import io.commandpost.events.Priority;
import io.commandpost.events.lifecycle.AlertState;
import io.commandpost.infra.test.LocalInfraResource;
import io.commandpost.notification.delivery.DeliveryStatus;
import io.commandpost.notification.delivery.Notification;
import io.commandpost.notification.delivery.Notifications;
import io.commandpost.notification.delivery.PageAlert;
import io.commandpost.notification.oncall.OnCallDirectory;
import io.commandpost.notification.oncall.Recipient;
import io.commandpost.notification.paging.AlertLifecycles;
import io.commandpost.notification.support.EventTopics;
import io.commandpost.notification.support.LocalSlackApi;
import io.commandpost.notification.support.LocalSlackApi.Answer;
import io.commandpost.notification.support.LocalSlackApi.Call;
import io.commandpost.notification.support.NotificationTestResource;
import io.commandpost.notification.support.TestWebhookReceiver;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Pages in Slack against the real broker and database and the local Slack Web API: a page is a Block Kit message
 * with buttons in the person's DM; a signed press acknowledges the alert and the message is updated.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "commandpost_notification"))
@QuarkusTestResource(NotificationTestResource.class)
class SlackPagingIT {

    private static final Duration WAIT = Duration.ofSeconds(60); // Kafka consumers on a CI machine at load 40
    private static final String SIGNING_SECRET = "test-signing-secret-" + UUID.randomUUID();
    private static final String BOT_TOKEN = "xoxb-test-" + UUID.randomUUID();
    private static final String TWO_STEPS = """
            {"steps":[{"delayMinutes":5,"targets":["on-duty"]},{"delayMinutes":5,"targets":["%s"]}],
             "repeat":0,"ackTimeoutMinutes":30,"floodWindowSeconds":0}""";

    @Inject
    AlertLifecycles lifecycles;

    @Inject
    Notifications notifications;

    @Inject
    OnCallDirectory onCall;

    @Inject
    Clock clock;

    private final LocalSlackApi slack = LocalSlackApi.get();
    private final TestWebhookReceiver webhook = TestWebhookReceiver.get();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void givenAPageInSlack_whenTheOnDutyPersonPressesAcknowledge_thenTheAlertIsAcknowledgedAndTheMessageUpdated()
            throws Exception {
        Fixture f = slackTeam("on-duty");
        EventTopics.produce(envelope(alert(f.team, "disk-full"), 0));

        Call page = awaitOne("chat.postMessage", f.slackUser(f.onDuty));
        assertThat(page.token()).isEqualTo(BOT_TOKEN);
        assertThat(page.param("text")).contains(f.team, "open, not acknowledged");
        assertThat(LocalSlackApi.actionIds(page.json("blocks"))).containsExactly(PageMessages.ACKNOWLEDGE,
                PageMessages.RESOLVE, PageMessages.ESCALATE);
        String dm = "D" + f.slackUser(f.onDuty).substring(1);
        Notification sent = awaitSent(f, "disk-full");
        String ts = sent.providerMessageId();
        assertThat(sent.providerChannel()).isEqualTo(dm);

        press(f, f.slackUser(f.onDuty), dm, ts, buttonValue(page, PageMessages.ACKNOWLEDGE), PageMessages.ACKNOWLEDGE)
                .statusCode(200);

        await().atMost(WAIT).until(() -> state(f.team, "disk-full").map(AlertState::acknowledgedBy)
                .equals(Optional.of(f.onDuty)));
        Call update = await().atMost(WAIT).until(() -> slack.calls("chat.update", dm).stream()
                .filter(c -> ts.equals(c.param("ts")) && c.param("text").contains("acknowledged by " + f.onDuty))
                .findFirst(), Optional::isPresent).orElseThrow();
        assertThat(LocalSlackApi.actionIds(update.json("blocks")))
                .containsExactly(PageMessages.RESOLVE, PageMessages.ESCALATE);
        assertThat(slack.calls("chat.postMessage", f.slackUser(f.onDuty))).hasSize(1);

        // whoever changes it: a resolve through the API updates the same message, without buttons
        given().auth().oauth2(TestTokens.person(f.other, "responder"))
                .post("/v1/teams/{team}/alerts/{key}/resolve", f.team, "disk-full").then().statusCode(202);
        await().atMost(WAIT).until(() -> slack.calls("chat.update", dm).stream()
                .anyMatch(c -> ts.equals(c.param("ts")) && c.param("text").contains("resolved by " + f.other)
                        && LocalSlackApi.actionIds(c.json("blocks")).isEmpty()));
    }

    @Test
    void givenAPress_whenTheSignatureIsWrongOrStale_thenItIsRefusedWith401ProblemJsonAndNothingHappens()
            throws Exception {
        Fixture f = slackTeam("on-duty");
        EventTopics.produce(envelope(alert(f.team, "cpu"), 0));
        Call page = awaitOne("chat.postMessage", f.slackUser(f.onDuty));
        String body = "payload=" + URLEncoder.encode(payload(f, f.slackUser(f.onDuty), "D1", "1.1",
                buttonValue(page, PageMessages.ACKNOWLEDGE), PageMessages.ACKNOWLEDGE), StandardCharsets.UTF_8);
        long now = clock.instant().getEpochSecond();

        post(body, now, SlackRequestSignature.sign("not-the-secret", now, bytes(body))).statusCode(401)
                .contentType("application/problem+json").body("requestId", not(equalTo(null)));
        post(body, now - 301, SlackRequestSignature.sign(SIGNING_SECRET, now - 301, bytes(body))).statusCode(401)
                .contentType("application/problem+json").body("detail", containsString("replay"));
        post(body, now, null).statusCode(401).contentType("application/problem+json");

        assertThat(state(f.team, "cpu").orElseThrow().isAcknowledged()).isFalse();
    }

    @Test
    void givenAPressByASlackUserCommandPostDoesNotKnow_thenNothingIsDoneAndTheyAreToldWhyAlone() throws Exception {
        Fixture f = slackTeam("on-duty");
        EventTopics.produce(envelope(alert(f.team, "latency"), 0));
        Call page = awaitOne("chat.postMessage", f.slackUser(f.onDuty));
        String stranger = "U" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

        press(f, stranger, "D-shared", "1.2", buttonValue(page, PageMessages.ACKNOWLEDGE), PageMessages.ACKNOWLEDGE)
                .statusCode(200);

        Call ephemeral = await().atMost(WAIT).until(() -> slack.calls("chat.postEphemeral", "D-shared").stream()
                .filter(c -> stranger.equals(c.param("user"))).findFirst(), Optional::isPresent).orElseThrow();
        assertThat(ephemeral.param("text")).contains("does not know you", stranger);
        assertThat(state(f.team, "latency").orElseThrow().isAcknowledged()).isFalse();
    }

    @Test
    void givenAMembersContactMethodsNameTheirSlackUser_thenPressesMapByIt_andTheRosterIdIsOnlyTheFallback()
            throws Exception {
        Fixture f = slackTeam("on-duty");
        String custom = "U" + UUID.randomUUID().toString().replace("-", "").substring(0, 9).toUpperCase();
        api().contentType("application/json").body("{\"methods\":{\"slackUserId\":\"" + custom + "\"},"
                        + "\"rules\":[{\"method\":\"slack\",\"afterMinutes\":0}]}")
                .put("/v1/teams/{team}/members/{handle}/contact", f.team, f.onDuty).then().statusCode(200);

        api().get("/v1/teams/{team}/slack-users/{id}", f.team, custom).then().statusCode(200)
                .body("handle", equalTo(f.onDuty)).body("source", equalTo("contact"));
        api().get("/v1/teams/{team}/slack-users/{id}", f.team, f.slackUser(f.other)).then().statusCode(200)
                .body("handle", equalTo(f.other)).body("source", equalTo("roster"));
        // the roster's id of someone whose contact methods name another Slack user is nobody's any more
        api().get("/v1/teams/{team}/slack-users/{id}", f.team, f.slackUser(f.onDuty)).then().statusCode(404)
                .contentType("application/problem+json");

        EventTopics.produce(envelope(alert(f.team, "mapped"), 0));
        Call page = awaitOne("chat.postMessage", custom);
        String dm = "D" + custom.substring(1);
        press(f, f.slackUser(f.onDuty), dm, "1.3", buttonValue(page, PageMessages.ACKNOWLEDGE),
                PageMessages.ACKNOWLEDGE).statusCode(200);
        await().atMost(WAIT).until(() -> slack.calls("chat.postEphemeral", dm).stream()
                .anyMatch(c -> f.slackUser(f.onDuty).equals(c.param("user"))));
        assertThat(state(f.team, "mapped").orElseThrow().isAcknowledged()).isFalse();

        press(f, custom, dm, "1.3", buttonValue(page, PageMessages.ACKNOWLEDGE), PageMessages.ACKNOWLEDGE)
                .statusCode(200);
        await().atMost(WAIT).until(() -> state(f.team, "mapped").map(AlertState::acknowledgedBy)
                .equals(Optional.of(f.onDuty)));
    }

    @Test
    void givenSlackSaysRatelimited_thenThePageWaitsRetryAfterAndIsPostedOnceAfterwards() {
        Fixture f = slackTeam("on-duty");
        slack.script(f.slackUser(f.onDuty), Answer.RATELIMITED);
        EventTopics.produce(envelope(alert(f.team, "queue"), 0));

        await().atMost(WAIT).until(() -> posted(f, "queue") != null && posted(f, "queue").status() == DeliveryStatus.SENT);
        List<Call> calls = slack.calls("chat.postMessage", f.slackUser(f.onDuty));
        assertThat(calls).hasSize(2);
        assertThat(Duration.ofNanos(calls.get(1).receivedNanos() - calls.get(0).receivedNanos()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(900)); // Retry-After: 1
        assertThat(posted(f, "queue").attempts()).isEqualTo(1); // the throttled try is not counted
    }

    @Test
    void givenTheChannelIsNotFound_thenThePageFailsForGoodWithTheReasonAndEscalationMovesOnAtOnce() {
        Fixture f = slackTeam("member:%s");
        // Slack is the person's only rule, so its page is the one the step waits on
        api().contentType("application/json").body("{\"rules\":[{\"method\":\"slack\",\"afterMinutes\":0}]}")
                .put("/v1/teams/{team}/members/{handle}/contact", f.team, f.onDuty).then().statusCode(200);
        slack.script(f.slackUser(f.onDuty), Answer.CHANNEL_NOT_FOUND);
        EventTopics.produce(envelope(alert(f.team, "gone"), 0));

        await().atMost(WAIT).until(() -> posted(f, "gone") != null && posted(f, "gone").status() == DeliveryStatus.FAILED);
        assertThat(posted(f, "gone").lastError()).contains("channel_not_found");
        assertThat(slack.calls("chat.postMessage", f.slackUser(f.onDuty))).hasSize(1);
        // the next step (member:<other>) is paged without waiting its 5 minutes
        awaitOne("chat.postMessage", f.slackUser(f.other));
    }

    @Test
    void givenAnEscalationPagesTheSamePersonAgain_thenItIsAReplyInTheFirstMessagesThread() {
        Fixture f = slackTeam("on-duty");
        EventTopics.produce(envelope(alert(f.team, "repeat"), 0));
        awaitOne("chat.postMessage", f.slackUser(f.onDuty));
        Notification first = awaitSent(f, "repeat");

        given().auth().oauth2(TestTokens.person(f.other, "responder"))
                .post("/v1/teams/{team}/alerts/{key}/escalate", f.team, "repeat").then().statusCode(202);

        Call reply = await().atMost(WAIT).until(() -> slack.calls("chat.postMessage", first.providerChannel()).stream()
                .findFirst(), Optional::isPresent).orElseThrow();
        assertThat(reply.param("thread_ts")).isEqualTo(first.providerMessageId());
        assertThat(reply.param("text")).contains("Paged again");
    }

    @Test
    void givenSlackAlreadyHasThePage_whenItsDeliveryIsTriedAgain_thenTheMessageIsUpdatedNotPostedTwice() {
        Fixture f = slackTeam("on-duty");
        Instant now = clock.instant();
        Recipient person = onCall.member(f.team, f.onDuty).orElseThrow();
        String dm = "D" + f.slackUser(f.onDuty).substring(1);
        Notification page = Notification.page(UUID.randomUUID(), Notification.SLACK, f.team, person,
                new PageAlert("lost-commit", Priority.P2, "the outcome of this post was lost", now, List.of()),
                UUID.randomUUID(), UUID.randomUUID(), now, now.plusSeconds(60));
        // what a crash between Slack's answer and the outcome's commit leaves: the row PENDING, Slack's ts kept
        notifications.recordProviderMessage(page.notificationId(), dm, "1699999999.000042", now);
        QuarkusTransaction.requiringNew().run(() -> notifications.insert(page));

        await().atMost(WAIT).until(() -> notifications.find(page.notificationId()).orElseThrow().status()
                == DeliveryStatus.SENT);
        assertThat(slack.calls("chat.postMessage", f.slackUser(f.onDuty))).isEmpty();
        assertThat(slack.calls("chat.update", dm)).anyMatch(c -> "1699999999.000042".equals(c.param("ts")));
    }

    @Test
    void workspaceCredentialsAreNeverShownAndATeamNeedsAKnownWorkspace() {
        String workspace = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        String secret = "never-show-" + UUID.randomUUID();
        String token = "xoxb-never-show-" + UUID.randomUUID();
        String created = api().contentType("application/json")
                .body(Map.of("name", "Acme", "botToken", token, "signingSecret", secret))
                .put("/v1/slack/workspaces/{id}", workspace).then().statusCode(201)
                .body("botTokenSet", equalTo(true)).extract().asString();
        String read = api().get("/v1/slack/workspaces/{id}", workspace).then().statusCode(200).extract().asString();
        assertThat(created + read).doesNotContain(secret).doesNotContain(token);

        api().contentType("application/json").body(Map.of("botToken", "not-a-bot-token", "signingSecret", "s"))
                .put("/v1/slack/workspaces/{id}", workspace).then().statusCode(400)
                .contentType("application/problem+json");
        api().contentType("application/json").body(Map.of("slackTeamId", "TNOSUCH1", "channelId", "C123"))
                .put("/v1/teams/{team}/slack", unique("t")).then().statusCode(400)
                .contentType("application/problem+json");
        api().delete("/v1/slack/workspaces/{id}", workspace).then().statusCode(204);
        api().get("/v1/slack/workspaces/{id}", workspace).then().statusCode(404)
                .contentType("application/problem+json");
    }

    // --- fixture -------------------------------------------------------------------------------------------

    private record Fixture(String team, String workspace, String channel, String onDuty, String other) {
        String slackUser(String handle) {
            return "U-" + handle;
        }
    }

    /** A team in a fresh workspace, its on-duty person and another member; the second step targets {@code step2}. */
    private Fixture slackTeam(String step2) {
        String team = unique("slack");
        String onDuty = unique("ann");
        String other = unique("ben");
        String workspace = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        String channel = "C" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        api().contentType("application/json")
                .body(Map.of("name", "Acme", "botToken", BOT_TOKEN, "signingSecret", SIGNING_SECRET))
                .put("/v1/slack/workspaces/{id}", workspace).then().statusCode(201);
        api().contentType("application/json").body(Map.of("slackTeamId", workspace, "channelId", channel))
                .put("/v1/teams/{team}/slack", team).then().statusCode(200).body("channelId", equalTo(channel));
        api().contentType("application/json").body(TWO_STEPS.formatted(step2.formatted(other)))
                .put("/v1/teams/{team}/paging-policy", team).then().statusCode(200);
        EventTopics.produce(envelope(teamCreated(team, onDuty, other), 1));
        EventTopics.produce(envelope(mroShift(team, onDuty, T0), 1));
        await().atMost(WAIT).until(() -> onCall.currentMro(team).map(Recipient::handle).equals(Optional.of(onDuty)));
        return new Fixture(team, workspace, channel, onDuty, other);
    }

    private Call awaitOne(String method, String channel) {
        await().atMost(WAIT).until(() -> !slack.calls(method, channel).isEmpty());
        return slack.calls(method, channel).get(0);
    }

    /** The Slack delivery of the alert's page to the on-duty person, null while there is none. */
    private Notification posted(Fixture f, String dedupKey) {
        return notifications.byTeam(f.team, Optional.empty(), 50).stream()
                .filter(n -> Notification.SLACK.equals(n.channel()) && dedupKey.equals(n.subjectId())
                        && f.onDuty.equals(n.recipientHandle()))
                .findFirst().orElse(null);
    }

    /** The Slack delivery of the alert's page to the on-duty person, once it is recorded SENT. */
    private Notification awaitSent(Fixture f, String dedupKey) {
        await().atMost(WAIT).until(() -> posted(f, dedupKey) != null
                && posted(f, dedupKey).status() == DeliveryStatus.SENT);
        return posted(f, dedupKey);
    }

    private Optional<AlertState> state(String team, String dedupKey) {
        return lifecycles.find(team, dedupKey);
    }

    private static String buttonValue(Call page, String actionId) {
        for (JsonNode block : page.json("blocks")) {
            for (JsonNode element : block.path("elements")) {
                if (actionId.equals(element.path("action_id").asText())) {
                    return element.path("value").asText();
                }
            }
        }
        throw new AssertionError("no button " + actionId);
    }

    /** A block_actions payload as Slack sends it for a button in a message. */
    private String payload(Fixture f, String slackUser, String channel, String messageTs, String value,
                           String actionId) throws Exception {
        return json.writeValueAsString(Map.of(
                "type", "block_actions",
                "team", Map.of("id", f.workspace, "domain", "acme"),
                "user", Map.of("id", slackUser, "username", "someone", "team_id", f.workspace),
                "api_app_id", "A0LOCAL",
                "container", Map.of("type", "message", "message_ts", messageTs, "channel_id", channel,
                        "is_ephemeral", false),
                "channel", Map.of("id", channel, "name", "directmessage"),
                "actions", List.of(Map.of("action_id", actionId, "block_id", "commandpost.page", "value", value,
                        "type", "button", "action_ts", "1700000000.000001"))));
    }

    private ValidatableResponse press(Fixture f, String slackUser, String channel, String messageTs, String value,
                                      String actionId) throws Exception {
        String body = "payload=" + URLEncoder.encode(payload(f, slackUser, channel, messageTs, value, actionId),
                StandardCharsets.UTF_8);
        long now = clock.instant().getEpochSecond();
        return post(body, now, SlackRequestSignature.sign(SIGNING_SECRET, now, bytes(body)));
    }

    private static ValidatableResponse post(String body, long timestamp, String signature) {
        var request = given().contentType("application/x-www-form-urlencoded")
                .header(SlackRequestSignature.TIMESTAMP_HEADER, Long.toString(timestamp)).body(body);
        if (signature != null) {
            request = request.header(SlackRequestSignature.SIGNATURE_HEADER, signature);
        }
        return request.post("/v1/slack/interactions").then();
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private static io.restassured.specification.RequestSpecification api() {
        return given().auth().oauth2(NotificationTestResource.API_KEY);
    }
}

package io.commandpost.notification.slack;

import static io.commandpost.notification.support.TestEvents.alert;
import static io.commandpost.notification.support.TestEvents.envelope;
import static io.commandpost.notification.support.TestEvents.teamCreated;
import static io.commandpost.notification.support.TestEvents.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.commandpost.events.ShiftEvent;
import io.commandpost.events.ShiftKind;
import io.commandpost.infra.test.LocalInfraResource;
import io.commandpost.notification.oncall.OnCallDirectory;
import io.commandpost.notification.support.EventTopics;
import io.commandpost.notification.support.LocalSlackApi;
import io.commandpost.notification.support.LocalSlackApi.Call;
import io.commandpost.notification.support.NotificationTestResource;
import io.commandpost.notification.support.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * One place holds a team's Slack channel: set through {@code PUT /v1/teams/{team}/slack} or through the team
 * channels' {@code slackChannel}, both show the same channel, and pages to the team channel and the 09:00
 * announcement go to it.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "commandpost_notification"))
@QuarkusTestResource(NotificationTestResource.class)
class TeamSlackChannelIT {

    private static final Duration WAIT = Duration.ofSeconds(60); // Kafka consumers on a CI machine at load 40
    private static final String BOT_TOKEN = "xoxb-test-" + UUID.randomUUID();
    private static final String TEAM_CHANNEL_FIRST = """
            {"steps":[{"delayMinutes":5,"targets":["team-channel"]}],"repeat":0,"ackTimeoutMinutes":30,
             "floodWindowSeconds":0}""";

    @Inject
    OnCallDirectory onCall;

    private final LocalSlackApi slack = LocalSlackApi.get();

    @Test
    void givenTheChannelSetThroughEitherEndpoint_thenBothShowItAndPagesAndTheAnnouncementGoThere() {
        String team = unique("onechan");
        String workspace = "T" + id();
        String first = "C" + id();
        String moved = "C" + id();
        String again = "C" + id();
        api().contentType("application/json")
                .body(Map.of("name", "Acme", "botToken", BOT_TOKEN, "signingSecret", "s-" + UUID.randomUUID()))
                .put("/v1/slack/workspaces/{id}", workspace).then().statusCode(201);
        api().contentType("application/json").body(Map.of("slackTeamId", workspace, "channelId", first))
                .put("/v1/teams/{team}/slack", team).then().statusCode(200);
        api().get("/v1/teams/{team}/channels", team).then().statusCode(200)
                .body("channels.slackChannel", equalTo(first));

        // through the team channels: the team's Slack mapping moves, the email list is kept beside it
        api().contentType("application/json").body(Map.of("slackChannel", moved, "emailList", "oncall@example.com"))
                .put("/v1/teams/{team}/channels", team).then().statusCode(200)
                .body("channels.slackChannel", equalTo(moved)).body("channels.emailList", equalTo("oncall@example.com"));
        api().get("/v1/teams/{team}/slack", team).then().statusCode(200)
                .body("channelId", equalTo(moved)).body("slackTeamId", equalTo(workspace));
        api().contentType("application/json").body(Map.of("slackChannel", "#not-an-id"))
                .put("/v1/teams/{team}/channels", team).then().statusCode(400)
                .contentType("application/problem+json");

        api().contentType("application/json").body(TEAM_CHANNEL_FIRST)
                .put("/v1/teams/{team}/paging-policy", team).then().statusCode(200);
        EventTopics.produce(envelope(teamCreated(team, "alice", "bob"), 1));
        await().atMost(WAIT).until(() -> onCall.members(team).size() == 2);
        EventTopics.produce(envelope(alert(team, "disk-full"), 0));
        Call page = await().atMost(WAIT).until(() -> slack.calls("chat.postMessage", moved), c -> !c.isEmpty()).get(0);
        assertThat(page.param("text")).contains(team);
        assertThat(slack.calls("chat.postMessage", first)).isEmpty();

        // through the Slack mapping: the team channels show it, and the announcement goes there
        api().contentType("application/json").body(Map.of("slackTeamId", workspace, "channelId", again))
                .put("/v1/teams/{team}/slack", team).then().statusCode(200);
        api().get("/v1/teams/{team}/channels", team).then().statusCode(200)
                .body("channels.slackChannel", equalTo(again)).body("channels.emailList", equalTo("oncall@example.com"));
        Instant nine = TestEvents.T0.plus(Duration.ofDays(2));
        EventTopics.produce(envelope(new ShiftEvent.ShiftStarted(team, UUID.randomUUID(), ShiftKind.MRO_DAY, "bob",
                nine, nine.plus(Duration.ofHours(9)), null, null, false, nine, "bob", "bob: next in rotation order"),
                2));
        Call announcement = await().atMost(WAIT).until(() -> slack.calls("chat.postMessage", again),
                c -> !c.isEmpty()).get(0);
        assertThat(announcement.param("text")).contains("Good morning");
        assertThat(slack.calls("chat.postMessage", moved)).hasSize(1);
    }

    private static String id() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    private static io.restassured.specification.RequestSpecification api() {
        return given().auth().oauth2(NotificationTestResource.API_KEY);
    }
}

package io.commandpost.notification.announce;

import static io.commandpost.notification.support.TestEvents.T0;
import static io.commandpost.notification.support.TestEvents.envelope;
import static io.commandpost.notification.support.TestEvents.teamCreated;
import static io.commandpost.notification.support.TestEvents.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.commandpost.events.AlertEvent;
import io.commandpost.events.EventEnvelope;
import io.commandpost.events.Priority;
import io.commandpost.events.ShiftEvent;
import io.commandpost.events.ShiftKind;
import io.commandpost.infra.test.LocalInfraResource;
import io.commandpost.notification.slack.SlackWorkspaces;
import io.commandpost.notification.support.Db;
import io.commandpost.notification.support.EventTopics;
import io.commandpost.notification.support.LocalSlackApi;
import io.commandpost.notification.support.LocalSlackApi.Call;
import io.commandpost.notification.support.NotificationTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The 09:00 announcement of a team connected to Slack: Block Kit in the team's channel, against LocalSlackApi. */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "commandpost_notification"))
@QuarkusTestResource(NotificationTestResource.class)
class SlackAnnouncementIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Instant NINE = T0.plus(Duration.ofDays(1));
    private static final String BOT_TOKEN = "xoxb-test-" + UUID.randomUUID();

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SlackWorkspaces workspaces;

    private final LocalSlackApi slack = LocalSlackApi.get();

    @Test
    void aTeamConnectedToSlackGetsTheMorningAnnouncementWithTheDigestAsBlockKitInItsChannelOnce() {
        String team = unique("slackday");
        String workspace = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        String channel = "C" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        api().contentType("application/json")
                .body(Map.of("name", "Acme", "botToken", BOT_TOKEN, "signingSecret", "secret-" + UUID.randomUUID()))
                .put("/v1/slack/workspaces/{id}", workspace).then().statusCode(201);
        // PUT /v1/teams/{team}/slack is shadowed by ContactResource's /v1/teams/{team} on main (404): set it directly
        workspaces.putTeamChannel(team, workspace, channel, Instant.now());
        EventTopics.produce(envelope(teamCreated(team, "alice", "bob"), 1));
        EventEnvelope fired = envelope(new AlertEvent.AlertReceived(team, "int-1", "alertmanager", "disk",
                Priority.P2, "disk full on db-1", Map.of(), Map.of("alertname", "DiskFull"), List.of(),
                NINE.minus(Duration.ofHours(3)), NINE.minus(Duration.ofHours(3))), 1);
        EventTopics.produce(fired);
        // the digest lists alerts as the paging consumer folded them (alert_lifecycle)
        await().atMost(WAIT).until(() -> Db.processed(dataSource, "paging", fired.eventId()));

        EventTopics.produce(envelope(new ShiftEvent.ShiftStarted(team, UUID.randomUUID(), ShiftKind.MRO_DAY, "bob",
                NINE, NINE.plus(Duration.ofHours(9)), null, null, false, NINE, "bob", "bob: next in rotation order"),
                2));
        EventTopics.produce(envelope(new ShiftEvent.ShiftStarted(team, UUID.randomUUID(), ShiftKind.MRO_DAY, "bob",
                NINE.plusSeconds(2), NINE.plus(Duration.ofHours(9)), null, null, false, NINE.plusSeconds(2), "bob",
                "bob: next in rotation order"), 3));

        await().atMost(WAIT).until(() -> !slack.calls("chat.postMessage", channel).isEmpty());
        Call posted = slack.calls("chat.postMessage", channel).get(0);
        assertThat(posted.token()).isEqualTo(BOT_TOKEN);
        assertThat(posted.param("text")).startsWith("Good morning! Today's MRO for ")
                .contains("Why: bob: next in rotation order")
                .contains("Overnight digest (since 3 Mar 08:00 UTC): 1 arrived, 0 closed, 1 still open")
                .contains("• Alert <http://localhost:8083/v1/teams/" + team + "/queue/alert/disk|disk full on db-1>");
        JsonNode blocks = posted.json("blocks");
        List<String> types = new ArrayList<>();
        blocks.forEach(block -> types.add(block.path("type").asText()));
        assertThat(types).containsExactly("header", "section", "divider", "section");
        assertThat(blocks.get(1).path("text").path("type").asText()).isEqualTo("mrkdwn");
        assertThat(blocks.get(1).path("text").path("text").asText()).startsWith("Today's MRO for ");
        assertThat(blocks.get(3).path("text").path("text").asText()).startsWith("Overnight digest");

        await().atMost(WAIT).untilAsserted(() -> api().queryParam("team", team).queryParam("kind", "ANNOUNCEMENT")
                .get("/v1/notifications").then().statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.equalTo(1))
                .body("items[0].channel", org.hamcrest.Matchers.equalTo("slack"))
                .body("items[0].status", org.hamcrest.Matchers.equalTo("SENT")));
        assertThat(slack.calls("chat.postMessage", channel)).hasSize(1);
    }

    private static io.restassured.specification.RequestSpecification api() {
        return given().auth().oauth2(NotificationTestResource.API_KEY);
    }
}

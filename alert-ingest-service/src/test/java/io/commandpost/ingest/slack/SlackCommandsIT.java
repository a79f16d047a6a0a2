package io.commandpost.ingest.slack;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.commandpost.infra.test.LocalInfraResource;
import io.commandpost.ingest.slack.command.SlackCommands;
import io.commandpost.ingest.support.Api;
import io.commandpost.ingest.support.MutableClock;
import io.commandpost.ingest.support.ServiceStandIns;
import io.commandpost.ingest.support.ServiceStandIns.Received;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * /mro who and /incident … end to end: signed as Slack signs, the REST clients against local servers answering as
 * rotation-service and incident-service document, the reply as Slack reads it.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "commandpost_alert_ingest"))
@QuarkusTestResource(value = ServiceStandIns.class, restrictToAnnotatedClass = true)
class SlackCommandsIT {

    private static final String COMMANDS = "/v1/webhooks/slack/commands";

    @Inject
    MutableClock clock;

    @Test
    void mroWhoAnswersTodaysMroAndTonightsNightDutyWithThePlansReasons() {
        String secret = slack(Map.of("C0PAY", "payments"));

        command(secret, "/mro", "who", "C0PAY", "U0ANA").then().statusCode(200)
                .body("response_type", equalTo("ephemeral"))
                .body("text", equalTo("""
                        Today's MRO for payments: ben (planned: ana) — ana: next in rotation order; ana skipped: \
                        night duty the night before; ben covers
                        Tonight's night duty: cho — cho: next in night rotation order
                        On duty now: ben"""));
        assertThat(ServiceStandIns.received("/v1/teams/payments/on-call")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + org.eclipse.microprofile.config
                        .ConfigProvider.getConfig().getValue("commandpost.ingest.slack.services-api-key", String.class)));
    }

    @Test
    void mroWhoWhileRotationAnswers503IsAnEphemeralTryAgainWellWithinSlacks3Seconds() {
        String secret = slack(Map.of("C0DOWN", "down"));

        long started = System.nanoTime();
        command(secret, "/mro", "who", "C0DOWN", "U0ANA").then().statusCode(200)
                .body("response_type", equalTo("ephemeral")).body("text", equalTo(SlackCommands.ROTATION_DOWN));
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(3000);
    }

    @Test
    void anIncidentDeclaredInAChannelIsRunThereByThePeopleWhoTypeTheCommands() {
        String secret = slack(Map.of("C0INC", "payments"));
        String channel = "C0INC";

        command(secret, "/incident", "declare Checkout errors on EU sev2", channel, "U0ANA").then().statusCode(200)
                .body("response_type", equalTo("in_channel"))
                .body("text", containsString("Incident declared by ana: Checkout errors on EU (SEV2)"));
        Received declared = last("/v1/incidents", "POST");
        assertThat(declared.path()).isEqualTo("/v1/incidents");
        assertThat(declared.actor()).isEqualTo("ana");
        assertThat(declared.body().has("by")).isFalse(); // the person travels in X-CommandPost-On-Behalf-Of
        assertThat(declared.body().path("team").asText()).isEqualTo("payments");
        assertThat(declared.body().path("title").asText()).isEqualTo("Checkout errors on EU");
        assertThat(declared.body().path("severity").asText()).isEqualTo("SEV2");

        command(secret, "/incident", "ic <@U0BEN|ben>", channel, "U0ANA").then().statusCode(200)
                .body("response_type", equalTo("in_channel"))
                .body("text", equalTo("Incident Commander is now ben (handed off by ana)."));
        Received handOff = last("/commander", "POST");
        assertThat(handOff.actor()).isEqualTo("ana");
        assertThat(handOff.body().path("to").asText()).isEqualTo("ben");

        command(secret, "/incident", "task @ana roll back the deploy", channel, "U0BEN").then().statusCode(200)
                .body("text", equalTo("Task for ana: roll back the deploy"));
        assertThat(last("/tasks", "POST").body().path("assignee").asText()).isEqualTo("ana");
        assertThat(last("/tasks", "POST").actor()).isEqualTo("ben");

        command(secret, "/incident", "update rollback running", channel, "U0BEN").then().statusCode(200)
                .body("text", equalTo("Status update from ben: rollback running"));
        assertThat(last("/status-updates", "POST").body().path("audience").asText()).isEqualTo("INTERNAL");

        command(secret, "/incident", "resolve bad deploy rolled back", channel, "U0BEN").then().statusCode(200)
                .body("response_type", equalTo("in_channel"))
                .body("text", equalTo("Incident resolved by ben: bad deploy rolled back"));
        assertThat(last("/resolve", "POST").body().path("summary").asText()).isEqualTo("bad deploy rolled back");

        // resolved: the channel runs no incident any more
        command(secret, "/incident", "update still here?", channel, "U0BEN").then().statusCode(200)
                .body("response_type", equalTo("ephemeral")).body("text", equalTo(SlackCommands.NO_INCIDENT));
    }

    @Test
    void aTaskForTheIncidentCommanderIsRefusedEphemerallyWithIncidentServicesReason() {
        String secret = slack(Map.of("C0IC", "payments"));
        command(secret, "/incident", "declare Latency", "C0IC", "U0ANA").then().statusCode(200);
        int tasksBefore = ServiceStandIns.received("/tasks").size();

        command(secret, "/incident", "task <@U0ANA> look at the dashboards", "C0IC", "U0ANA").then().statusCode(200)
                .body("response_type", equalTo("ephemeral"))
                .body("text", equalTo("Refused: ana is the Incident Commander, who coordinates and never "
                        + "remediates; to give ana this task, hand off command first (POST .../commander with "
                        + "another person) and then assign it"));
        assertThat(ServiceStandIns.received("/tasks")).hasSize(tasksBefore + 1);
    }

    @Test
    void aPersonIsKnownByTheSlackUserOfTheirContactMethodsFirstAndByTheRosterOtherwise() {
        String secret = slack(Map.of("C0CON", "payments"));
        String cho = ServiceStandIns.CHO_AT_WORK;

        command(secret, "/incident", "declare Replica lag", "C0CON", cho).then().statusCode(200)
                .body("response_type", equalTo("in_channel"))
                .body("text", containsString("Incident declared by cho: Replica lag"));
        assertThat(last("/v1/incidents", "POST").actor()).isEqualTo("cho");
        assertThat(ServiceStandIns.received("/v1/teams/payments/slack-users/" + cho)).isNotEmpty()
                .allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + org.eclipse.microprofile.config
                        .ConfigProvider.getConfig().getValue("commandpost.ingest.slack.services-api-key", String.class)));

        // ben is nobody in notification-service's contact methods: the roster's slackUserId names him
        command(secret, "/incident", "ic <@U0BEN|ben>", "C0CON", cho).then().statusCode(200)
                .body("text", equalTo("Incident Commander is now ben (handed off by cho)."));
        command(secret, "/incident", "task <@" + cho + "> check the replicas", "C0CON", "U0BEN").then()
                .statusCode(200).body("text", equalTo("Task for cho: check the replicas"));
        assertThat(last("/tasks", "POST").actor()).isEqualTo("ben");
        assertThat(last("/tasks", "POST").body().path("assignee").asText()).isEqualTo("cho");
    }

    @Test
    void peopleCommandPostDoesNotKnowAreToldSoAndNothingIsCalled() {
        String secret = slack(Map.of("C0WHO", "payments"));
        int before = ServiceStandIns.received("/v1/incidents").size();

        command(secret, "/incident", "declare Outage", "C0WHO", "U0STRANGER").then().statusCode(200)
                .body("response_type", equalTo("ephemeral"))
                .body("text", containsString("Your Slack user (U0STRANGER) is not a member of payments"));
        command(secret, "/incident", "declare Outage", "C0WHO", "U0ANA").then().statusCode(200);
        command(secret, "/incident", "ic <@U0NOBODY>", "C0WHO", "U0ANA").then().statusCode(200)
                .body("text", equalTo("<@U0NOBODY> is not a member of payments in CommandPost."));
        command(secret, "/incident", "ic @cho now", "C0WHO", "U0ANA").then().statusCode(200)
                .body("text", containsString(SlackCommandParser.INCIDENT_USAGE));
        assertThat(ServiceStandIns.received("/v1/incidents")).hasSize(before + 1);
    }

    private static Received last(String pathPart, String method) {
        List<Received> received = ServiceStandIns.received(pathPart).stream()
                .filter(r -> r.method().equals(method)).toList();
        assertThat(received).isNotEmpty();
        return received.get(received.size() - 1);
    }

    private Response command(String secret, String command, String text, String channel, String user) {
        byte[] body = ("token=gIkuvaNzQIHg97ATvDxqgjtO&team_id=T0001&team_domain=example&channel_id=" + channel
                + "&channel_name=incidents&user_id=" + user + "&user_name=someone&command=" + encode(command)
                + "&text=" + encode(text) + "&api_app_id=A123456&is_enterprise_install=false"
                + "&response_url=" + encode("https://hooks.slack.com/commands/1234/5678")
                + "&trigger_id=" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        return given().config(io.restassured.RestAssured.config().encoderConfig(
                        io.restassured.config.EncoderConfig.encoderConfig()
                                .encodeContentTypeAs("application/x-www-form-urlencoded",
                                        io.restassured.http.ContentType.BINARY)
                                .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .contentType("application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", SlackWebhookIT.sign(secret, timestamp, body))
                .body(body).post(COMMANDS);
    }

    private static String slack(Map<String, String> channels) {
        String secret = "secret-" + UUID.randomUUID();
        Api.createIntegration(Map.of("team", "payments", "type", "slack", "name", "slack app",
                "signingSecret", secret, "channels", channels));
        return secret;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

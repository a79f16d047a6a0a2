package io.commandpost.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.commandpost.infra.test.LocalInfraResource;
import io.commandpost.infra.test.TestTokens;
import io.commandpost.notification.support.NotificationTestResource;
import io.commandpost.notification.support.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Paging policy (with its flood window), contact methods, team channels and Slack settings are rows; each change is
 * also a config.changed event in the service's store, so {@code GET /v1/audit} shows who changed what, never a secret.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "commandpost_notification"))
@QuarkusTestResource(NotificationTestResource.class)
class ConfigurationAuditIT {

    static final String ADMIN = TestTokens.bearer("alice", "admin");
    static final String VIEWER = TestTokens.bearer("vera", "viewer");

    @Test
    void everySettingChangeIsInTheAuditUnderWhoeverMadeIt() {
        String team = TestEvents.unique("audit");
        String workspace = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(Locale.ROOT);
        String botToken = "xoxb-" + UUID.randomUUID();
        String signingSecret = "secret-" + UUID.randomUUID();

        given().header("Authorization", ADMIN).contentType("application/json")
                .body("{\"steps\":[{\"delayMinutes\":5,\"targets\":[\"on-duty\"]},{\"delayMinutes\":10,"
                        + "\"targets\":[\"every-member\"]}],\"repeat\":1,\"ackTimeoutMinutes\":30,\"floodWindowSeconds\":120}")
                .put("/v1/teams/{team}/paging-policy", team).then().statusCode(200);
        given().header("Authorization", TestTokens.bearer("bob", "responder")).contentType("application/json")
                .body("{\"methods\":{\"email\":\"bob@example.com\"},\"rules\":[{\"method\":\"webhook\",\"afterMinutes\":0}]}")
                .put("/v1/teams/{team}/members/bob/contact", team).then().statusCode(200);
        given().header("Authorization", ADMIN).contentType("application/json")
                .body("{\"emailList\":\"oncall@example.com\",\"webhook\":true}")
                .put("/v1/teams/{team}/channels", team).then().statusCode(200);
        given().header("Authorization", ADMIN).contentType("application/json")
                .body("{\"name\":\"Acme\",\"botToken\":\"" + botToken + "\",\"signingSecret\":\"" + signingSecret + "\"}")
                .put("/v1/slack/workspaces/{id}", workspace).then().statusCode(201);
        given().header("Authorization", ADMIN).contentType("application/json")
                .body("{\"slackTeamId\":\"" + workspace + "\",\"channelId\":\"C0AUDIT\"}")
                .put("/v1/teams/{team}/slack", team).then().statusCode(200);
        given().header("Authorization", ADMIN).delete("/v1/slack/workspaces/{id}", workspace).then().statusCode(204);

        given().header("Authorization", VIEWER).queryParam("team", team).get("/v1/audit").then().statusCode(200)
                .body("what", everyItem(equalTo("config.changed")))
                .body("data.what", contains("team-slack", "team-channels", "contact-methods", "paging-policy"))
                .body("actor", contains("alice", "alice", "bob", "alice"))
                .body("data.key", contains(team, team, team + "/bob", team))
                .body("data.summary[3]", equalTo("escalation: after 5 min on-duty; after 10 min every-member; "
                        + "repeat 1; ack timeout 30 min; flood window 120 s"))
                .body("data.summary[2]", containsString("bob@example.com"))
                .body("data.summary[0]", equalTo("Slack channel C0AUDIT in workspace " + workspace));

        String slack = given().header("Authorization", VIEWER).queryParam("actor", "alice").queryParam("limit", 1000)
                .get("/v1/audit").then().statusCode(200).extract().asString();
        assertThat(slack).contains("Slack workspace " + workspace + " (Acme) connected",
                "Slack workspace " + workspace + " disconnected").doesNotContain(botToken).doesNotContain(signingSecret);
        given().header("Authorization", VIEWER).queryParam("team", team).queryParam("actor", "bob").get("/v1/audit")
                .then().statusCode(200).body("$", hasSize(1));
    }
}

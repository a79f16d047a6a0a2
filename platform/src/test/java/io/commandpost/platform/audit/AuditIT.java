package io.commandpost.platform.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.commandpost.infra.test.LocalInfraResource;
import io.commandpost.infra.test.TestTokens;
import io.commandpost.platform.security.Roles;
import io.commandpost.platform.testing.Streams;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The audit shows who did what, as the credential said, read from the event store. */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraResource.class,
        initArgs = @ResourceArg(name = LocalInfraResource.DATABASE_ARG, value = "commandpost_platform"))
@Timeout(120)
class AuditIT {

    @Test
    void eachActionIsRecordedUnderTheAuthenticatedActor() {
        String team = Streams.unique("audit");
        given().header("Authorization", TestTokens.bearer("alice", Roles.RESPONDER))
                .post("/test/deadlines/" + team).then().statusCode(204);
        given().header("Authorization", "Bearer slack-key").header(Roles.ON_BEHALF_OF, "carol")
                .post("/test/deadlines/" + team).then().statusCode(204);
        given().header("Authorization", "Bearer ci-key").post("/test/deadlines/" + team).then().statusCode(204);

        given().header("Authorization", TestTokens.bearer("vera", Roles.VIEWER)).queryParam("team", team)
                .get("/v1/audit").then().statusCode(200)
                .body("actor", contains("ci", "carol", "alice"))
                .body("via", contains(null, "slack", null))
                .body("what", everyItem(equalTo("shift.handed-over")))
                .body("team", everyItem(equalTo(team)));
    }

    @Test
    void theAuditFiltersByActorAndTime() {
        String team = Streams.unique("audit");
        given().header("Authorization", TestTokens.bearer("dave", Roles.RESPONDER))
                .post("/test/deadlines/" + team).then().statusCode(204);
        given().header("Authorization", "Bearer ci-key").post("/test/deadlines/" + team).then().statusCode(204);

        given().header("Authorization", "Bearer viewer-key").queryParam("team", team).queryParam("actor", "dave")
                .get("/v1/audit").then().statusCode(200).body("actor", contains("dave"));
        given().header("Authorization", "Bearer viewer-key").queryParam("team", team)
                .queryParam("since", "2999-01-01T00:00:00Z").get("/v1/audit").then().statusCode(200)
                .body("$", empty());
        given().header("Authorization", "Bearer viewer-key").queryParam("team", team).queryParam("limit", 1)
                .get("/v1/audit").then().statusCode(200).body("$", hasSize(1));
    }

    @Test
    void aSettingChangeIsInTheAuditUnderItsAuthor() {
        String team = Streams.unique("settings");
        given().header("Authorization", TestTokens.bearer("alice", Roles.ADMIN)).put("/test/settings/" + team)
                .then().statusCode(204);
        given().header("Authorization", "Bearer ci-key").put("/test/settings/" + team).then().statusCode(204);

        given().header("Authorization", "Bearer viewer-key").queryParam("team", team).get("/v1/audit").then()
                .statusCode(200)
                .body("what", everyItem(equalTo("config.changed")))
                .body("aggregateType", everyItem(equalTo("config")))
                .body("actor", contains("ci", "alice"))
                .body("data.changedBy", contains("ci", "alice"))
                .body("data.what", everyItem(equalTo("paging-policy")))
                .body("data.summary", everyItem(equalTo("flood window 60 s → 120 s")));
    }

    @Test
    void aPersonsActPublishedOutsideTheStoreIsInTheAuditButTheSystemsIsNot() {
        String team = Streams.unique("acts");
        given().header("Authorization", TestTokens.bearer("erin", Roles.RESPONDER)).post("/test/acts/" + team)
                .then().statusCode(204);
        given().header("Authorization", TestTokens.bearer("erin", Roles.RESPONDER)).post("/test/acts/" + team + "/system")
                .then().statusCode(204);
        given().header("Authorization", "Bearer ci-key").put("/test/settings/" + team).then().statusCode(204);

        given().header("Authorization", "Bearer viewer-key").queryParam("team", team).get("/v1/audit").then()
                .statusCode(200)
                .body("what", contains("config.changed", "alert.acknowledged-by"))
                .body("actor", contains("ci", "erin"));
        given().header("Authorization", "Bearer viewer-key").queryParam("actor", "erin")
                .queryParam("since", java.time.Instant.now().minusSeconds(600).toString()).get("/v1/audit").then()
                .statusCode(200).body("what", everyItem(equalTo("alert.acknowledged-by")));
    }

    @Test
    void aBadSinceIs400AndNoCredentialIs401() {
        given().header("Authorization", "Bearer viewer-key").queryParam("since", "yesterday").get("/v1/audit")
                .then().statusCode(400).contentType("application/problem+json");
        given().get("/v1/audit").then().statusCode(401).contentType("application/problem+json");
    }
}

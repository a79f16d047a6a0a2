package io.commandpost.rotation.team;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.startsWith;

import io.commandpost.events.EventEnvelope;
import io.commandpost.events.Topics;
import io.commandpost.infra.test.LocalInfraResource;
import io.commandpost.rotation.TopicReader;
import static io.commandpost.rotation.TestTeams.*;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@QuarkusTestResource(value = LocalInfraResource.class,
        initArgs = @ResourceArg(name = LocalInfraResource.DATABASE_ARG, value = "commandpost_rotation"))
class TeamApiIT {

    @Test
    void createsATeamStartsItsFirstShiftAndAnswersWhoIsOnCall() {
        String id = uniqueTeam("payments");

        given().header("Authorization", AUTH).contentType(ContentType.JSON)
                .body(teamBody(id, "Europe/Paris", "09:00", ALICE_BOB, "[\"alice\",\"bob\"]"))
                .when().post("/v1/teams")
                .then().statusCode(201)
                .header("ETag", "\"1\"")
                .header("Location", endsWith("/v1/teams/" + id))
                .body("rotation[0]", equalTo("alice"))
                .body("members[1].timeZone", equalTo("Europe/Paris"));

        given().header("Authorization", AUTH).get("/v1/teams/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("timeZone", equalTo("Europe/Paris"));

        EventEnvelope shift = TopicReader.await(Topics.SHIFTS, id, "shift.started");
        assertThat(shift.data().get("member").asText()).isEqualTo("alice");
        assertThat(shift.data().get("kind").asText()).isEqualTo("MRO_DAY");
        assertThat(shift.data().get("late").asBoolean()).isFalse();
        assertThat(TopicReader.await(Topics.TEAMS, id, "team.created").data().get("timeZone").asText())
                .isEqualTo("Europe/Paris");

        given().header("Authorization", AUTH).get("/v1/teams/" + id + "/on-call")
                .then().statusCode(200)
                .body("team", equalTo(id))
                .body("mro.member", equalTo("alice"))
                .body("mro.shiftId", equalTo(shift.data().get("shiftId").asText()))
                .body("mro.startsAt", equalTo(shift.data().get("startsAt").asText()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown zone          | Mars/Olympus | 09:00 | [\"alice\"]        | /timeZone",
            "handoff not HH:mm     | Europe/Paris | 9h    | [\"alice\"]        | /handoffTime",
            "rotation stranger     | Europe/Paris | 09:00 | [\"alice\",\"eve\"] | /rotation/1",
            "rotation duplicate    | Europe/Paris | 09:00 | [\"bob\",\"bob\"]   | /rotation/1",
    })
    void rejectsBadInputNamingTheField(String why, String zone, String handoff, String rotation, String pointer) {
        given().header("Authorization", AUTH).contentType(ContentType.JSON)
                .body(teamBody(uniqueTeam("bad"), zone, handoff, ALICE_BOB, rotation))
                .when().post("/v1/teams")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].pointer", equalTo(pointer));
    }

    @Test
    void rejectsTruncatedJsonSayingWhere() {
        given().header("Authorization", AUTH).contentType(ContentType.JSON)
                .body("{\"id\":\"x\"")
                .when().post("/v1/teams")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", startsWith("malformed JSON at line 1, column 10"))
                .body("detail", containsString("end-of-input"));
    }

    @Test
    void rejectsEmptyMembersAndDuplicateHandles() {
        given().header("Authorization", AUTH).contentType(ContentType.JSON)
                .body(teamBody(uniqueTeam("bad"), "Europe/Paris", "09:00", "[]", "[]"))
                .post("/v1/teams").then().statusCode(400).body("errors[0].pointer", equalTo("/members"));
        given().header("Authorization", AUTH).contentType(ContentType.JSON)
                .body(teamBody(uniqueTeam("bad"), "Europe/Paris", "09:00",
                        "[{\"handle\":\"alice\"},{\"handle\":\"alice\"}]", "[]"))
                .post("/v1/teams").then().statusCode(400).body("errors[0].pointer", equalTo("/members/1/handle"));
    }

    @Test
    void rejectsASecondTeamWithTheSameId() {
        String id = uniqueTeam("dup");
        create(id);

        given().header("Authorization", AUTH).contentType(ContentType.JSON)
                .body(teamBody(id, "Europe/Paris", "09:00", ALICE_BOB, "[]"))
                .post("/v1/teams").then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void answers404ForAnUnknownTeamAnd401WithoutAKey() {
        given().header("Authorization", AUTH).get("/v1/teams/nobody").then().statusCode(404);
        given().header("Authorization", AUTH).get("/v1/teams/nobody/on-call").then().statusCode(404);
        given().get("/v1/teams/nobody").then().statusCode(401);
    }
}

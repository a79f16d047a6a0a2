package io.commandpost.rotation.team;

import static io.commandpost.rotation.TestTeams.AUTH;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import io.commandpost.events.Topics;
import io.commandpost.infra.test.LocalInfraResource;
import io.commandpost.rotation.MutableClock;
import io.commandpost.rotation.TestTeams;
import io.commandpost.rotation.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@QuarkusTestResource(value = LocalInfraResource.class,
        initArgs = @ResourceArg(name = LocalInfraResource.DATABASE_ARG, value = "commandpost_rotation"))
class TeamSettingsApiIT {

    @Inject
    MutableClock clock;

    private static Response send(String method, String path, String ifMatch, String body) {
        var request = given().header("Authorization", AUTH).contentType(ContentType.JSON);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        if (body != null) {
            request = request.body(body);
        }
        return request.request(method, path);
    }

    @Test
    void addsAndUpdatesMembersWithSkillsUnderIfMatch() {
        String id = TestTeams.uniqueTeam("members");
        TestTeams.create(id);

        send("POST", "/v1/teams/" + id + "/members", "\"1\"",
                "{\"handle\":\"carol\",\"email\":\"carol@example.com\",\"skills\":[\"postgres\",\"kafka\"]}")
                .then().statusCode(201).header("ETag", "\"2\"")
                .body("members[2].skills", hasItems("postgres", "kafka"));
        // a stale ETag is refused with 412, the member is unchanged
        send("PUT", "/v1/teams/" + id + "/members/carol", "\"1\"", "{\"skills\":[\"java\"]}")
                .then().statusCode(412).contentType("application/problem+json");
        send("PUT", "/v1/teams/" + id + "/members/carol", "\"2\"", "{\"displayName\":\"Carol C\",\"skills\":[\"java\"]}")
                .then().statusCode(200).header("ETag", "\"3\"")
                .body("members[2].displayName", equalTo("Carol C")).body("members[2].skills[0]", equalTo("java"));
        send("POST", "/v1/teams/" + id + "/members", null, "{\"handle\":\"carol\"}").then().statusCode(409);
        send("PUT", "/v1/teams/" + id + "/members/nobody", null, "{}").then().statusCode(404);
        assertThat(TopicReader.await(Topics.TEAMS, id, "team.member-updated").data().get("member").get("skills")
                .get(0).asText()).isEqualTo("java");
    }

    @Test
    void anOverlappingOverrideForTheSamePersonIsAConflictAndCancelledOnesFreeTheSlot() {
        String id = TestTeams.uniqueTeam("overrides");
        TestTeams.create(id);
        Instant start = clock.instant().plus(Duration.ofDays(2));
        String override = """
                {"kind":"MRO_DAY","addMember":"bob","removeMember":"alice","start":"%s","end":"%s"}"""
                .formatted(start, start.plus(Duration.ofHours(8)));

        String location = send("POST", "/v1/teams/" + id + "/overrides", null, override)
                .then().statusCode(201).header("Location", notNullValue()).extract().header("Location");
        send("POST", "/v1/teams/" + id + "/overrides", null, override)
                .then().statusCode(409).contentType("application/problem+json")
                .body("errors[0].pointer", equalTo("/start"));
        send("DELETE", location.substring(location.indexOf("/v1/")), null, null).then().statusCode(200)
                .body("overrides[0].cancelledAt", notNullValue());
        send("POST", "/v1/teams/" + id + "/overrides", null, override).then().statusCode(201);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "empty rotation      | PUT  | mro-rotation | {\"rotation\":[]}                                    | /rotation",
            "stranger            | PUT  | mro-rotation | {\"rotation\":[\"alice\",\"eve\"]}                   | /rotation/1",
            "twice in rotation   | PUT  | mro-rotation | {\"rotation\":[\"alice\",\"alice\"]}                 | /rotation/1",
            "handoff out of range| PUT  | mro-rotation | {\"rotation\":[\"alice\"],\"handoffTime\":\"24:30\"} | /handoffTime",
            "past effective date | PUT  | mro-rotation | {\"rotation\":[\"alice\"],\"effectiveFrom\":\"2020-01-01T00:00:00Z\"} | /effectiveFrom",
            "night length        | PUT  | night-duty   | {\"rotation\":[\"bob\"],\"shiftLength\":\"MONTHLY\"} | /shiftLength",
            "leave of a stranger | POST | leave        | {\"member\":\"eve\",\"from\":\"2030-01-01T00:00:00Z\",\"to\":\"2030-01-02T00:00:00Z\"} | /member",
            "leave backwards     | POST | leave        | {\"member\":\"bob\",\"from\":\"2030-01-02T00:00:00Z\",\"to\":\"2030-01-01T00:00:00Z\"} | /to",
            "override kind       | POST | overrides    | {\"kind\":\"LUNCH\",\"addMember\":\"bob\",\"start\":\"2030-01-01T00:00:00Z\",\"end\":\"2030-01-02T00:00:00Z\"} | /kind",
            "override nobody     | POST | overrides    | {\"kind\":\"MRO_DAY\",\"start\":\"2030-01-01T00:00:00Z\",\"end\":\"2030-01-02T00:00:00Z\"} | /addMember",
            "unknown partner     | PUT  | partner      | {\"partnerTeamId\":\"no-such-team\"}                 | /partnerTeamId"
    })
    void rejectsBadConfigurationNamingTheField(String why, String method, String path, String body, String pointer) {
        String id = TestTeams.uniqueTeam("bad");
        TestTeams.create(id);
        send(method, "/v1/teams/" + id + "/" + path, null, body)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].pointer", equalTo(pointer));
    }

    @Test
    void aNewRotationAppliesToTheFutureOnlyAndLeaveMovesTheDay() {
        String id = TestTeams.uniqueTeam("future");
        TestTeams.create(id);
        String today = given().header("Authorization", AUTH).get("/v1/teams/" + id + "/on-call")
                .then().statusCode(200).extract().path("mro.member");

        send("PUT", "/v1/teams/" + id + "/mro-rotation", "\"1\"", "{\"rotation\":[\"bob\"]}")
                .then().statusCode(200).header("ETag", "\"2\"").body("rotation[0]", equalTo("bob"));
        send("PUT", "/v1/teams/" + id + "/night-duty", "\"2\"", "{\"rotation\":[\"alice\"],\"shiftLength\":\"WEEKLY\"}")
                .then().statusCode(200).header("ETag", "\"3\"");

        // the day already started keeps its MRO; from the next handoff only bob, alice at night
        given().header("Authorization", AUTH).get("/v1/teams/" + id + "/on-call")
                .then().statusCode(200).body("mro.member", equalTo(today)).body("mro.started", equalTo(true));
        var schedule = given().header("Authorization", AUTH).queryParam("days", 5)
                .get("/v1/teams/" + id + "/schedule").then().statusCode(200).extract().jsonPath();
        assertThat(schedule.getString("days[0].mro.member")).isEqualTo(today);
        for (int day = 1; day < 5; day++) {
            assertThat(schedule.getString("days[" + day + "].night.member")).isEqualTo("alice");
            assertThat(schedule.getString("days[" + day + "].mro.member")).isIn("bob", null);
        }
        given().header("Authorization", AUTH).queryParam("from", schedule.getString("days[0].day"))
                .queryParam("to", schedule.getString("days[4].day")).get("/v1/teams/" + id + "/ledger")
                .then().statusCode(200).body("members.alice.nights", equalTo(4));
        given().header("Authorization", AUTH).queryParam("days", 0).get("/v1/teams/" + id + "/schedule")
                .then().statusCode(400).body("errors[0].pointer", equalTo("/days"));
        given().header("Authorization", AUTH).queryParam("from", "2025-13-01").get("/v1/teams/" + id + "/ledger")
                .then().statusCode(400).body("errors[0].pointer", equalTo("/from"));
    }
}

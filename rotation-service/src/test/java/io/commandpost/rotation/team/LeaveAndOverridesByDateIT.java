package io.commandpost.rotation.team;

import static io.commandpost.rotation.TestTeams.AUTH;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.commandpost.infra.test.LocalInfraResource;
import io.commandpost.rotation.TestTeams;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Leave and overrides take whole days in the team's zone as well as instants; the plan gives its reasons. */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraResource.class,
        initArgs = @ResourceArg(name = LocalInfraResource.DATABASE_ARG, value = "commandpost_rotation"))
class LeaveAndOverridesByDateIT {

    @Test
    void aDateIsThatWholeLocalDayInTheTeamsZone() {
        String id = TestTeams.uniqueTeam("dates");
        TestTeams.create(id);

        // Paris, winter: 20 Dec 00:00 is 19 Dec 23:00 UTC; "to" 22 Dec includes that day
        given().header("Authorization", AUTH).contentType(ContentType.JSON)
                .body("{\"member\":\"bob\",\"from\":\"2030-12-20\",\"to\":\"2030-12-22\",\"reason\":\"holiday\"}")
                .post("/v1/teams/" + id + "/leave")
                .then().statusCode(201)
                .body("leave[0].from", equalTo("2030-12-19T23:00:00Z"))
                .body("leave[0].to", equalTo("2030-12-22T23:00:00Z"));
        given().header("Authorization", AUTH).contentType(ContentType.JSON)
                .body("{\"kind\":\"MRO_DAY\",\"addMember\":\"alice\",\"removeMember\":\"bob\",\"start\":\"2030-12-27\","
                        + "\"end\":\"2030-12-27\"}")
                .post("/v1/teams/" + id + "/overrides")
                .then().statusCode(201)
                .body("overrides[0].start", equalTo("2030-12-26T23:00:00Z"))
                .body("overrides[0].end", equalTo("2030-12-27T23:00:00Z"));
        // instants still work
        given().header("Authorization", AUTH).contentType(ContentType.JSON)
                .body("{\"member\":\"alice\",\"from\":\"2031-01-05T00:00:00Z\",\"to\":\"2031-01-06T00:00:00Z\"}")
                .post("/v1/teams/" + id + "/leave")
                .then().statusCode(201).body("leave[1].from", equalTo("2031-01-05T00:00:00Z"));
    }

    @Test
    void aMalformedBoundIsA400NamingTheField() {
        String id = TestTeams.uniqueTeam("dates-bad");
        TestTeams.create(id);

        given().header("Authorization", AUTH).contentType(ContentType.JSON)
                .body("{\"member\":\"bob\",\"from\":\"2030-13-20\",\"to\":\"2030-12-22\"}")
                .post("/v1/teams/" + id + "/leave")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].pointer", equalTo("/from"));
    }

    @Test
    void everyPlannedDayAndTheOnCallShiftSayWhy() {
        String id = TestTeams.uniqueTeam("reasons");
        TestTeams.create(id);

        given().header("Authorization", AUTH).queryParam("days", 3).get("/v1/teams/" + id + "/schedule")
                .then().statusCode(200)
                .body("days[0].mro.reason", notNullValue())
                .body("days[1].mro.reason", notNullValue())
                .body("days[2].mro.reason", notNullValue());
        given().header("Authorization", AUTH).get("/v1/teams/" + id + "/on-call")
                .then().statusCode(200).body("mro.reason", notNullValue());
        given().header("Authorization", AUTH).get("/v1/teams/" + id + "/ledger")
                .then().statusCode(200).body("days", notNullValue());
    }

    @Test
    void theScheduleShowsTheDayRunningNowAsItStartedLikeOnCall() {
        String id = TestTeams.uniqueTeam("as-started");
        TestTeams.create(id); // alice's day starts at once
        String start = given().header("Authorization", AUTH).get("/v1/teams/" + id + "/on-call").then()
                .statusCode(200).body("mro.member", equalTo("alice")).body("mro.started", equalTo(true))
                .extract().path("mro.startsAt");

        // a replacement recorded after the day started, covering its start, does not change who started it
        given().header("Authorization", AUTH).contentType(ContentType.JSON)
                .body("{\"kind\":\"MRO_DAY\",\"addMember\":\"bob\",\"removeMember\":\"alice\",\"start\":\""
                        + start + "\",\"end\":\"" + Instant.parse(start).plus(Duration.ofHours(2)) + "\"}")
                .post("/v1/teams/" + id + "/overrides").then().statusCode(201);

        String reason = given().header("Authorization", AUTH).get("/v1/teams/" + id + "/on-call").then()
                .statusCode(200).body("mro.member", equalTo("alice")).extract().path("mro.reason");
        given().header("Authorization", AUTH).queryParam("days", 2).get("/v1/teams/" + id + "/schedule")
                .then().statusCode(200)
                .body("days[0].mro.member", equalTo("alice"))
                .body("days[0].mro.planned", equalTo("alice"))
                .body("days[0].mro.reason", equalTo(reason));
    }
}

package io.commandpost.rotation.team;

import static io.commandpost.rotation.TestTeams.AUTH;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.commandpost.events.Topics;
import io.commandpost.infra.test.LocalInfraResource;
import io.commandpost.rotation.TestTeams;
import io.commandpost.rotation.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** The adopted pattern over the API: suggested once, adopted as configuration, followed by the plan, dropped. */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraResource.class,
        initArgs = @ResourceArg(name = LocalInfraResource.DATABASE_ARG, value = "commandpost_rotation"))
class PatternApiIT {

    private static io.restassured.specification.RequestSpecification admin() {
        return given().header("Authorization", AUTH).contentType(ContentType.JSON);
    }

    @Test
    void aSuggestedCycleIsAdoptedFollowedFromTheNextDayWithItsReasonAndDropped() {
        String id = TestTeams.uniqueTeam("pattern");
        TestTeams.create(id);

        var suggestion = admin().post("/v1/teams/" + id + "/pattern/suggest").then().statusCode(200)
                .body("cycle", hasSize(2)).body("startsOn", notNullValue())
                .body("withPattern.worstFourWeekSpread", equalTo(0)).body("withRule.longestWait", equalTo(2))
                .extract().jsonPath();
        assertThat(suggestion.getList("cycle", String.class)).containsExactlyInAnyOrder("alice", "bob");

        // an admin adopts a cycle of their own: bob every day (the rule would alternate)
        admin().header("If-Match", "\"1\"").body("{\"startsOn\":\"" + suggestion.getString("startsOn")
                        + "\",\"cycle\":[\"bob\"]}").put("/v1/teams/" + id + "/pattern")
                .then().statusCode(200).header("ETag", "\"2\"").body("pattern.cycle[0]", equalTo("bob"));
        assertThat(TopicReader.await(Topics.TEAMS, id, "team.pattern-adopted").data().get("cycle").get(0).asText())
                .isEqualTo("bob");

        var schedule = given().header("Authorization", AUTH).queryParam("days", 4)
                .get("/v1/teams/" + id + "/schedule").then().statusCode(200).extract().jsonPath();
        for (int day = 1; day < 4; day++) {
            assertThat(schedule.getString("days[" + day + "].mro.member")).isEqualTo("bob");
            assertThat(schedule.getString("days[" + day + "].mro.reason")).isEqualTo("bob: adopted pattern, day 1 of 1");
        }

        admin().body("{\"startsOn\":\"2026-12-14\",\"cycle\":[\"bob\",\"zoe\"]}").put("/v1/teams/" + id + "/pattern")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].pointer", equalTo("/cycle/1"));
        admin().delete("/v1/teams/" + id + "/pattern").then().statusCode(200).body("pattern", nullValue())
                .body("patterns[0].droppedReason", equalTo("dropped by an admin"));
        admin().delete("/v1/teams/" + id + "/pattern").then().statusCode(409)
                .contentType("application/problem+json");
        var after = given().header("Authorization", AUTH).queryParam("days", 4)
                .get("/v1/teams/" + id + "/schedule").then().statusCode(200).extract().jsonPath();
        assertThat(after.getString("days[2].mro.reason")).doesNotContain("adopted pattern");
        admin().post("/v1/teams/nobody-here/pattern/suggest").then().statusCode(404);
    }
}

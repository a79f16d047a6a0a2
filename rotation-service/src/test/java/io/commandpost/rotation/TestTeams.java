package io.commandpost.rotation;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.UUID;

/** Team fixtures over the real API, shared by the @QuarkusTest classes. */
public final class TestTeams {

    public static final String AUTH = "Bearer dev-api-key";

    public static final String ALICE_BOB = """
            [{"handle":"alice","displayName":"Alice","email":"alice@example.com","slackUserId":"U1","timeZone":"Europe/Paris"},
             {"handle":"bob","displayName":"Bob","email":"bob@example.com","slackUserId":"U2"}]""";

    private TestTeams() {
    }

    /** Tests share one database: every team gets a fresh id. */
    public static String uniqueTeam(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String teamBody(String id, String zone, String handoff, String members, String rotation) {
        return """
                {"id":"%s","name":"Payments","timeZone":"%s","handoffTime":"%s","members":%s,"rotation":%s}"""
                .formatted(id, zone, handoff, members, rotation);
    }

    /** Creates a Paris team of alice then bob, handoff 09:00. */
    public static void create(String id) {
        given().header("Authorization", AUTH).contentType(ContentType.JSON)
                .body(teamBody(id, "Europe/Paris", "09:00", ALICE_BOB, "[\"alice\",\"bob\"]"))
                .post("/v1/teams").then().statusCode(201);
    }
}

package io.commandpost.ingest.support;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import java.util.Map;

/** Calls of the service's API as a test makes them. */
public final class Api {

    public static final String API_KEY = "dev-api-key";

    private Api() {
    }

    public static RequestSpecification withApiKey() {
        return given().header("Authorization", "Bearer " + API_KEY);
    }

    /** Creates an integration through the API; returns its id and its one-time token. */
    public static CreatedIntegration createIntegration(String team, String type, String defaultPriority) {
        Map<String, Object> body = defaultPriority == null
                ? Map.of("team", team, "type", type, "name", type + " of " + team)
                : Map.of("team", team, "type", type, "name", type + " of " + team, "defaultPriority", defaultPriority);
        var response = withApiKey().contentType("application/json").body(body)
                .post("/v1/integrations").then().statusCode(201).extract();
        return new CreatedIntegration(response.path("id"), response.path("token"));
    }

    /** Creates an integration from a full request body (type-specific fields included). */
    public static CreatedIntegration createIntegration(Map<String, ?> body) {
        var response = withApiKey().contentType("application/json").body(body)
                .post("/v1/integrations").then().statusCode(201).extract();
        return new CreatedIntegration(response.path("id"), response.path("token"));
    }

    public record CreatedIntegration(String id, String token) {
        public RequestSpecification webhook() {
            return given().header("Authorization", "Bearer " + token);
        }
    }
}

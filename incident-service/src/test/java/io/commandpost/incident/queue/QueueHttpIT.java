package io.commandpost.incident.queue;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.commandpost.infra.test.LocalInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The HTTP edges of the queue: authentication and problem answers. */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraResource.class,
        initArgs = @ResourceArg(name = LocalInfraResource.DATABASE_ARG, value = "commandpost_incident"))
class QueueHttpIT {

    @Test
    void aRequestWithoutAnApiKeyIsUnauthorized() {
        given().get("/v1/teams/payments/queue")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401));
    }

    @Test
    void aRequestWithAWrongApiKeyIsUnauthorized() {
        given().auth().oauth2("not-the-key").get("/v1/teams/payments/queue")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));
    }

    @Test
    void anUnknownTeamHasAnEmptyQueue() {
        given().auth().oauth2("test-key").get("/v1/teams/nobody-here/queue")
                .then().statusCode(200)
                .contentType("application/json")
                .body("team", equalTo("nobody-here"))
                .body("items.size()", equalTo(0));
    }

    @Test
    void anUnknownPathIsANotFoundProblem() {
        given().auth().oauth2("test-key").get("/v1/no-such-thing")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    @Test
    void anUnknownItemIsANotFoundProblem() {
        given().auth().oauth2("test-key").get("/v1/teams/payments/queue/alert/never-fired")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", equalTo("no alert 'never-fired' in the queue of team 'payments'"));
    }

    @Test
    void anUnknownItemKindIsANotFoundProblem() {
        given().auth().oauth2("test-key").get("/v1/teams/payments/queue/pony/1")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }
}

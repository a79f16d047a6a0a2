package io.commandpost.platform.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.commandpost.infra.test.LocalInfraResource;
import io.commandpost.infra.test.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The actor of a request comes from its credential: a person's JWT, a named API key, or a service key's person. */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraResource.class,
        initArgs = @ResourceArg(name = LocalInfraResource.DATABASE_ARG, value = "commandpost_platform"))
@Timeout(120)
class CallerIT {

    private static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    @Test
    void withoutACredentialItIs401ProblemJsonWithTheRequestId() {
        given().post("/test/probe").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer realm=\"commandpost\"")
                .body("requestId", notNullValue());
    }

    @Test
    void aTokenNobodySignedIs401ProblemJson() {
        as("not-a-key-nor-a-jwt").post("/test/probe").then().statusCode(401)
                .contentType("application/problem+json").body("requestId", notNullValue());
        as(TestTokens.issuedBy("someone-else", "mallory", Roles.ADMIN)).post("/test/probe").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void aViewerReadsButGets403OnAnAction() {
        String viewer = TestTokens.person("vera", Roles.VIEWER);
        as(viewer).get("/test/probe").then().statusCode(200).body("actor", equalTo("vera"));
        as(viewer).post("/test/probe").then().statusCode(403)
                .contentType("application/problem+json").body("requestId", notNullValue());
    }

    @Test
    void aResponderActsUnderTheHandleOfTheToken() {
        as(TestTokens.person("alice", Roles.RESPONDER)).post("/test/probe").then().statusCode(200)
                .body("actor", equalTo("alice")).body("via", nullValue());
        as(TestTokens.person("alice", Roles.RESPONDER)).post("/test/probe/admin").then().statusCode(403);
    }

    @Test
    void withoutAUsernameTheSubjectIsTheHandle() {
        as(TestTokens.withoutUsername("u-123", Roles.RESPONDER)).post("/test/probe").then().statusCode(200)
                .body("actor", equalTo("u-123"));
    }

    @Test
    void anAdminIsAlsoAResponder() {
        as(TestTokens.person("ada", Roles.ADMIN)).post("/test/probe").then().statusCode(200)
                .body("actor", equalTo("ada"));
    }

    @Test
    void anApiKeyActsUnderItsNameAndRole() {
        as("ci-key").post("/test/probe/admin").then().statusCode(200).body("actor", equalTo("ci"));
        as("viewer-key").get("/test/probe").then().statusCode(200).body("actor", equalTo("bob-tool"));
        as("viewer-key").post("/test/probe").then().statusCode(403);
    }

    @Test
    void aPlainKeyIsAnAdminNamedApiKey() {
        as("test-key").post("/test/probe/admin").then().statusCode(200).body("actor", equalTo("api-key"));
    }

    @Test
    void aServiceKeyActsForThePersonItNames() {
        as("slack-key").header(Roles.ON_BEHALF_OF, "carol").post("/test/probe").then().statusCode(200)
                .body("actor", equalTo("carol")).body("via", equalTo("slack"));
        as("slack-key").post("/test/probe").then().statusCode(200).body("actor", equalTo("slack"));
        as("slack-key").header(Roles.ON_BEHALF_OF, "carol").post("/test/probe/admin").then().statusCode(403);
    }

    @Test
    void onlyAServiceKeyMayNameSomeoneElse() {
        as("ci-key").header(Roles.ON_BEHALF_OF, "carol").post("/test/probe/admin").then().statusCode(403)
                .contentType("application/problem+json");
        as(TestTokens.person("alice", Roles.RESPONDER)).header(Roles.ON_BEHALF_OF, "carol").post("/test/probe")
                .then().statusCode(403).contentType("application/problem+json");
    }
}

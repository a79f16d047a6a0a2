package io.commandpost.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.commandpost.console.Upstreams.Received;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(Upstreams.class)
class ConsoleIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void forgetRequests() {
        Upstreams.RECEIVED.clear();
    }

    @Test
    void sendsAnAnonymousVisitorToSignInAndBack() {
        given().redirects().follow(false).get("/today?team=demo")
                .then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("/sign-in?next=%2Ftoday%3Fteam%3Ddemo"));
        assertThat(given().get("/sign-in").asString()).contains("NOT FOR PRODUCTION");
    }

    @Test
    void refusesAWrongPassword() {
        Response refused = signIn("alice", "not-her-password");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.getCookie("commandpost_session")).isNull();
        assertThat(signIn("mallory", "alice-secret").statusCode()).isEqualTo(401);
    }

    @Test
    void signsInWithAnRs256TokenNamingTheMemberAndRoles() throws Exception {
        Response signedIn = signIn("alice", "alice-secret");
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.header("Location")).endsWith("/today");
        assertThat(signedIn.getDetailedCookie("commandpost_session").isHttpOnly()).isTrue();
        String token = signedIn.getCookie("commandpost_session");
        String[] parts = token.split("\\.");
        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertThat(header.path("alg").asText()).isEqualTo("RS256");
        assertThat(claims.path("iss").asText()).isEqualTo("commandpost-local");
        assertThat(claims.path("preferred_username").asText()).isEqualTo("alice");
        assertThat(JSON.convertValue(claims.path("groups"), List.class)).containsExactlyInAnyOrder("admin", "responder");
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isBetween(1L, 3600L);
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(Upstreams.keys.getPublic());
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rs256.verify(Base64.getUrlDecoder().decode(parts[2]))).as("signed with the run's key").isTrue();
    }

    @Test
    void doesNotAcceptATokenSignedWithAnotherKey() throws Exception {
        String genuine = signIn("alice", "alice-secret").getCookie("commandpost_session");
        String[] parts = genuine.split("\\.");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(generator.generateKeyPair().getPrivate());
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        String forged = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rs256.sign());
        given().redirects().follow(false).cookie("commandpost_session", forged).get("/today")
                .then().statusCode(303).header("Location", org.hamcrest.Matchers.containsString("/sign-in"));
    }

    @Test
    void routesEachPublicPathToItsOwnerWithTheCallersCredential() {
        assertThat(given().header("Authorization", "Bearer tool-key").get("/v1/teams/demo/queue").jsonPath()
                .getString("service")).isEqualTo("incident");
        assertThat(given().header("Authorization", "Bearer tool-key").get("/v1/teams/demo/on-call").jsonPath()
                .getString("service")).isEqualTo("rotation");
        assertThat(given().header("Authorization", "Bearer tool-key").post("/v1/teams/demo/alerts/k1/acknowledge")
                .jsonPath().getString("service")).isEqualTo("notification");
        String webhook = "{\"version\":\"4\",\"status\":\"firing\",\"alerts\":[]}";
        Response posted = given().header("Authorization", "Bearer integration-token").contentType("application/json")
                .body(webhook).post("/v1/webhooks/alertmanager");
        assertThat(posted.jsonPath().getString("service")).isEqualTo("ingest");
        assertThat(posted.jsonPath().getInt("bodyLength")).as("the body went through whole").isEqualTo(webhook.length());

        assertThat(Upstreams.RECEIVED).extracting(Received::path, Received::authorization).containsExactly(
                org.assertj.core.groups.Tuple.tuple("/v1/teams/demo/queue", "Bearer tool-key"),
                org.assertj.core.groups.Tuple.tuple("/v1/teams/demo/on-call", "Bearer tool-key"),
                org.assertj.core.groups.Tuple.tuple("/v1/teams/demo/alerts/k1/acknowledge", "Bearer tool-key"),
                org.assertj.core.groups.Tuple.tuple("/v1/webhooks/alertmanager", "Bearer integration-token"));
        given().get("/admin/projections").then().statusCode(404);
    }

    @Test
    void actsForThePersonSignedInWithTheirOwnToken() {
        String token = signIn("alice", "alice-secret").getCookie("commandpost_session");
        Csrf csrf = csrf();
        given().redirects().follow(false).cookie("commandpost_session", token).cookie(csrf.cookie())
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", csrf.field())
                .post("/today/demo/alerts/fp-9/acknowledge").then().statusCode(303);
        Received acknowledged = Upstreams.RECEIVED.stream().filter(r -> r.path().endsWith("/acknowledge")).findFirst().orElseThrow();
        assertThat(acknowledged.service()).isEqualTo("notification");
        assertThat(acknowledged.authorization()).isEqualTo("Bearer " + token);
        assertThat(acknowledged.actor()).as("the service reads the person from the token; the console names nobody")
                .isNull();
        assertThat(acknowledged.body()).doesNotContain("alice");
    }

    @Test
    void showsTheQueueAlertsFirstWithTheirActions() {
        String token = signIn("alice", "alice-secret").getCookie("commandpost_session");
        String queue = given().cookie("commandpost_session", token).get("/today/demo/queue").asString();
        assertThat(queue).contains("data-key=\"fp-1\"", "Disk full", "2 occurrences",
                "action=\"/today/demo/alerts/fp-1/acknowledge\"", "Where are the runbooks?", "asked by carol");
        assertThat(queue.indexOf("Disk full")).as("alerts first").isLessThan(queue.indexOf("Where are the runbooks?"));
    }

    @Test
    void offersAdminsToCreateIntegrationsAndNobodyElse() {
        String admin = signIn("alice", "alice-secret").getCookie("commandpost_session");
        String viewer = signIn("vic", "vic-secret").getCookie("commandpost_session");
        assertThat(given().cookie("commandpost_session", admin).get("/integrations/demo").asString())
                .contains("None yet.", "Create an integration");
        assertThat(given().cookie("commandpost_session", viewer).get("/integrations/demo").asString())
                .contains("None yet.").doesNotContain("Create an integration");
        Csrf csrf = csrf();
        given().redirects().follow(false).cookie("commandpost_session", viewer).cookie(csrf.cookie())
                .formParam("csrf-token", csrf.field()).formParam("type", "alertmanager")
                .formParam("name", "x").post("/integrations/demo").then().statusCode(403);
        assertThat(Upstreams.RECEIVED).noneMatch(r -> r.method().equals("POST"));
    }

    @Test
    void refusesAViewerAnActionWithAProblem() {
        String token = signIn("vic", "vic-secret").getCookie("commandpost_session");
        Csrf csrf = csrf();
        Response refused = given().redirects().follow(false).cookie("commandpost_session", token).cookie(csrf.cookie())
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", csrf.field())
                .post("/today/demo/alerts/fp-9/acknowledge");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.jsonPath().getString("requestId")).isNotBlank();
        assertThat(Upstreams.RECEIVED).noneMatch(r -> r.path().endsWith("/acknowledge"));
    }

    @Test
    void showsAdminsOneAuditOfEveryServiceNewestFirst() {
        String admin = signIn("alice", "alice-secret").getCookie("commandpost_session");
        String page = given().cookie("commandpost_session", admin).queryParam("team", "demo")
                .queryParam("actor", "alice").queryParam("since", "2026-12-01").get("/audit")
                .then().statusCode(200).extract().asString();
        List<String> newestFirst = List.of("rotation at 10:06", "ingest at 10:05", "notification at 10:04",
                "incident at 10:03", "rotation at 10:02", "ingest at 10:01");
        assertThat(page).contains(newestFirst).contains("Mon 7 Dec 10:06 UTC", "rotation.thing-done");
        for (int i = 1; i < newestFirst.size(); i++) {
            assertThat(page.indexOf(newestFirst.get(i - 1))).as("newest first").isLessThan(page.indexOf(newestFirst.get(i)));
        }
        assertThat(page).doesNotContain("id=\"audit-older\"", "id=\"audit-newer\"");

        List<Received> asked = Upstreams.RECEIVED.stream().filter(r -> r.path().equals("/v1/audit")).toList();
        assertThat(asked).extracting(Received::service)
                .containsExactlyInAnyOrder("ingest", "rotation", "incident", "notification");
        assertThat(asked).allSatisfy(r -> {
            assertThat(r.authorization()).isEqualTo("Bearer " + admin);
            assertThat(r.query()).contains("team=demo", "actor=alice", "since=2026-12-01T00%3A00%3A00Z", "limit=51");
        });
    }

    @Test
    void pagesTheMergedAudit() {
        String admin = signIn("alice", "alice-secret").getCookie("commandpost_session");
        String second = given().cookie("commandpost_session", admin).queryParam("page", 2).queryParam("size", 2)
                .get("/audit").then().statusCode(200).extract().asString();
        assertThat(second).contains("notification at 10:04", "incident at 10:03")
                .doesNotContain("ingest at 10:05", "rotation at 10:02")
                .contains("href=\"/audit?page=1&amp;size=2\"", "href=\"/audit?page=3&amp;size=2\"");
        assertThat(Upstreams.RECEIVED).filteredOn(r -> r.path().equals("/v1/audit"))
                .allSatisfy(r -> assertThat(r.query()).isEqualTo("limit=5"));
        String last = given().cookie("commandpost_session", admin).queryParam("page", 3).queryParam("size", 2)
                .get("/audit").then().statusCode(200).extract().asString();
        assertThat(last).contains("rotation at 10:02", "ingest at 10:01").doesNotContain("id=\"audit-older\"");
    }

    @Test
    void keepsTheAuditForAdminsAndRefusesABadFilter() {
        String admin = signIn("alice", "alice-secret").getCookie("commandpost_session");
        String viewer = signIn("vic", "vic-secret").getCookie("commandpost_session");
        Response refused = given().redirects().follow(false).cookie("commandpost_session", viewer).get("/audit");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(given().cookie("commandpost_session", viewer).get("/integrations/demo").asString())
                .doesNotContain("href=\"/audit\"");
        assertThat(given().cookie("commandpost_session", admin).get("/integrations/demo").asString())
                .contains("href=\"/audit\"");

        Response bad = given().cookie("commandpost_session", admin).queryParam("since", "yesterday").get("/audit");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.jsonPath().getString("requestId")).isNotBlank();
        given().cookie("commandpost_session", admin).queryParam("page", 100).get("/audit").then().statusCode(400);
        assertThat(Upstreams.RECEIVED).noneMatch(r -> r.path().equals("/v1/audit"));
        given().redirects().follow(false).get("/audit").then().statusCode(303);
    }

    @Test
    void showsTheTeamsHandoversFromRotationWhoeverWroteThem() {
        String admin = signIn("alice", "alice-secret").getCookie("commandpost_session");
        String page = given().cookie("commandpost_session", admin).get("/handover/demo").then().statusCode(200)
                .extract().asString();
        assertThat(page).contains("db-1 is flaky", "<strong>carol</strong>", "alert:fp-1",
                "action=\"/handover/demo/00000000-0000-4000-8000-00000000000a/accept\"");
        assertThat(Upstreams.RECEIVED).filteredOn(r -> r.path().equals("/v1/teams/demo/handovers"))
                .singleElement().satisfies(r -> {
                    assertThat(r.service()).isEqualTo("rotation");
                    assertThat(r.query()).isEqualTo("limit=10");
                    assertThat(r.authorization()).isEqualTo("Bearer " + admin);
                });
    }

    @Test
    void showsAnIntegrationsDeliveriesToAdmins() {
        String admin = signIn("alice", "alice-secret").getCookie("commandpost_session");
        String viewer = signIn("vic", "vic-secret").getCookie("commandpost_session");
        String page = given().cookie("commandpost_session", admin).get("/integrations/demo/i-1/deliveries")
                .then().statusCode(200).extract().asString();
        assertThat(page).contains("refused", "status is required", "req-2", "accepted", "req-1", ">3<",
                "Mon 7 Dec 10:02 UTC");
        assertThat(page.indexOf("req-2")).as("newest first, as the service answers").isLessThan(page.indexOf("req-1"));
        assertThat(Upstreams.RECEIVED).filteredOn(r -> r.path().equals("/v1/integrations/i-1/deliveries"))
                .singleElement().satisfies(r -> {
                    assertThat(r.service()).isEqualTo("ingest");
                    assertThat(r.query()).isEqualTo("limit=50");
                });
        given().redirects().follow(false).cookie("commandpost_session", viewer).get("/integrations/demo/i-1/deliveries")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void refusesAFormPostWithoutTheCsrfTokenOrWithAnother() {
        String token = signIn("alice", "alice-secret").getCookie("commandpost_session");
        Csrf csrf = csrf();

        Response without = given().redirects().follow(false).cookie("commandpost_session", token).cookie(csrf.cookie())
                .contentType("application/x-www-form-urlencoded").formParam("answer", "42")
                .post("/today/demo/questions/q-1/answer");
        Response another = given().redirects().follow(false).cookie("commandpost_session", token).cookie(csrf.cookie())
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", csrf().field())
                .formParam("answer", "42").post("/today/demo/questions/q-1/answer");
        Response noCookie = given().redirects().follow(false).cookie("commandpost_session", token)
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", csrf.field())
                .formParam("answer", "42").post("/today/demo/questions/q-1/answer");

        for (Response refused : List.of(without, another, noCookie)) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.jsonPath().getString("requestId")).isNotBlank();
        }
        assertThat(Upstreams.RECEIVED).noneMatch(r -> r.path().endsWith("/answer"));
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("handle", "alice").formParam("password", "alice-secret").post("/sign-in")
                .then().statusCode(403);
    }

    @Test
    void putsTheCsrfTokenInEveryFormAndInHtmxRequests() {
        String token = signIn("alice", "alice-secret").getCookie("commandpost_session");
        Csrf csrf = csrf();
        // (today itself needs an on-call answer richer than the recording upstreams give; its queue is the fragment)
        for (String path : List.of("/today/demo/queue", "/integrations/demo", "/schedule/demo")) {
            String page = given().cookie("commandpost_session", token).cookie(csrf.cookie()).get(path).asString();
            assertThat(count(page, "<form method=\"post\"")).as(path).isPositive()
                    .isEqualTo(count(page, "name=\"csrf-token\" value=\"" + csrf.field() + "\""));
        }
        assertThat(given().cookie("commandpost_session", token).cookie(csrf.cookie()).get("/integrations/demo").asString())
                .contains("hx-headers='{\"X-CSRF-TOKEN\": \"" + csrf.field() + "\"}'");
    }

    @Test
    void leadsTheIdentityProviderPathsToTheLocalSignInWhenThereIsNone() {
        given().redirects().follow(false).get("/sign-in/oidc")
                .then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("/sign-in?next=%2Ftoday"));
        given().redirects().follow(false).get("/sign-out/oidc")
                .then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("/sign-in"));
        assertThat(given().get("/sign-in").asString()).contains("NOT FOR PRODUCTION", "name=\"password\"")
                .doesNotContain("Sign in with your company account");
    }

    /** The CSRF cookie a first page sets, and the token its forms carry. */
    private record Csrf(io.restassured.http.Cookie cookie, String field) {
    }

    private static Csrf csrf() {
        Response page = given().get("/sign-in");
        Matcher field = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(page.asString());
        assertThat(field.find()).as("the sign-in form carries the CSRF token").isTrue();
        return new Csrf(page.getDetailedCookie("commandpost_csrf"), field.group(1));
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    private static Response signIn(String handle, String password) {
        Csrf csrf = csrf();
        return given().redirects().follow(false).cookie(csrf.cookie()).contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", csrf.field())
                .formParam("handle", handle).formParam("password", password).formParam("next", "/today")
                .post("/sign-in");
    }
}

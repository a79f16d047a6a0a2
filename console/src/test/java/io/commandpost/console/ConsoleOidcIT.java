package io.commandpost.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.commandpost.console.Upstreams.Received;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.response.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sign-in through the company's identity provider (ADR 0029): Quarkus's WireMock identity provider stands in for it,
 * with its authorization endpoint, login page and token endpoint; the console runs the authorization-code flow
 * against it, as a browser would be sent through it (every redirect followed by hand, cookies kept).
 */
@QuarkusTest
@TestProfile(ConsoleOidcIT.ThroughIdentityProvider.class)
@QuarkusTestResource(value = OidcWiremockTestResource.class, restrictToAnnotatedClass = true)
class ConsoleOidcIT {

    /** The console with an identity provider configured, and local accounts it must then ignore. */
    public static class ThroughIdentityProvider implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "commandpost.console.identity-provider", "${keycloak.url}/realms/quarkus/",
                    "quarkus.oidc.client-id", "quarkus-web-app",
                    "quarkus.oidc.credentials.secret", "secret");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    @OidcWireMock
    WireMockServer identityProvider;

    @BeforeEach
    void forgetRequests() {
        Upstreams.RECEIVED.clear();
    }

    @Test
    void signsInThroughTheIdentityProviderAndLandsOnTodayAsThatPerson() throws Exception {
        CookieFilter browser = new CookieFilter();

        Response today = signInThroughIdentityProvider(browser, "alice");

        assertThat(today.statusCode()).isEqualTo(200);
        assertThat(today.asString()).contains("<h1>Today · demo</h1>", "Signed in as <strong id=\"me\">alice</strong>");
        Received onCall = Upstreams.RECEIVED.stream().filter(r -> r.path().endsWith("/on-call")).findFirst().orElseThrow();
        JsonNode forwarded = claims(onCall.authorization().substring("Bearer ".length()));
        assertThat(forwarded.path("iss").asText()).as("the identity provider's token, not one the console made")
                .isEqualTo("https://server.example.com");
        assertThat(forwarded.path("preferred_username").asText()).isEqualTo("alice");
    }

    @Test
    void actsForThePersonWithTheirTokenFromTheIdentityProvider() throws Exception {
        CookieFilter browser = new CookieFilter();
        String page = signInThroughIdentityProvider(browser, "alice").asString();

        given().filter(browser).redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", csrfToken(page))
                .post("/today/demo/alerts/fp-9/acknowledge").then().statusCode(303);

        Received acknowledged = Upstreams.RECEIVED.stream().filter(r -> r.path().endsWith("/acknowledge"))
                .findFirst().orElseThrow();
        assertThat(acknowledged.service()).isEqualTo("notification");
        assertThat(claims(acknowledged.authorization().substring("Bearer ".length())).path("preferred_username").asText())
                .isEqualTo("alice");
        assertThat(acknowledged.body()).doesNotContain("alice");
    }

    @Test
    void refusesAPersonTheIdentityProviderGaveNoRole() {
        // nora signs in at the identity provider, which puts no group in her tokens
        identityProvider.stubFor(get(urlPathEqualTo("/login")).atPriority(1).withQueryParam("username", equalTo("nora"))
                .willReturn(aResponse().withStatus(302)
                        .withHeader("Location", "{{request.query.redirect_uri}}?state={{request.query.state}}&code=nora-code")
                        .withTransformers("response-template")));
        identityProvider.stubFor(post("/auth/realms/quarkus/token").atPriority(1).withRequestBody(containing("code=nora-code"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"access_token\":\""
                        + OidcWiremockTestResource.getAccessToken("nora", Set.of()) + "\",\"id_token\":\""
                        + OidcWiremockTestResource.getIdToken("nora", Set.of(), "quarkus-web-app") + "\",\"refresh_token\":\"r-nora\"}")));

        Response refused = signInThroughIdentityProvider(new CookieFilter(), "nora");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.jsonPath().getString("requestId")).isNotBlank();
        assertThat(Upstreams.RECEIVED).as("nothing was read for her").isEmpty();
    }

    @Test
    void signsOutAtTheIdentityProviderToo() {
        CookieFilter browser = new CookieFilter();
        String page = signInThroughIdentityProvider(browser, "alice").asString();

        Response signOut = given().filter(browser).redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", csrfToken(page)).post("/sign-out");
        assertThat(signOut.statusCode()).isEqualTo(303);
        Response toIdentityProvider = given().filter(browser).redirects().follow(false).get(signOut.header("Location"));

        assertThat(toIdentityProvider.statusCode()).isEqualTo(302);
        String endSession = toIdentityProvider.header("Location");
        assertThat(endSession).startsWith(identityProvider.baseUrl() + "/auth/realms/quarkus/protocol/openid-connect/end-session");
        assertThat(query(endSession).get("post_logout_redirect_uri")).endsWith("/sign-in");
        given().filter(browser).redirects().follow(false).get("/today")
                .then().statusCode(303).header("Location", org.hamcrest.Matchers.containsString("/sign-in/oidc"));
    }

    @Test
    void offersOnlyTheIdentityProviderOnTheSignInPage() {
        CookieFilter browser = new CookieFilter();
        Response page = given().filter(browser).get("/sign-in");
        assertThat(page.asString()).contains("Sign in with your company account", "href=\"/sign-in/oidc\"")
                .doesNotContain("NOT FOR PRODUCTION", "name=\"password\"");
        Response local = given().redirects().follow(false).filter(browser)
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", page.getCookie("commandpost_csrf"))
                .formParam("handle", "alice").formParam("password", "alice-secret").post("/sign-in");
        assertThat(local.statusCode()).as("local accounts are off with an identity provider").isEqualTo(401);
    }

    /**
     * What a browser does: open today, get sent to the identity provider, sign in there as {@code person}, come back
     * with a code, and follow the redirects to where it was going. The last answer.
     */
    private Response signInThroughIdentityProvider(CookieFilter browser, String person) {
        Response toSignIn = given().filter(browser).redirects().follow(false).get("/today?team=demo");
        assertThat(toSignIn.statusCode()).isEqualTo(303);
        assertThat(toSignIn.header("Location")).endsWith("/sign-in/oidc");

        Response toIdentityProvider = given().filter(browser).redirects().follow(false).get(toSignIn.header("Location"));
        assertThat(toIdentityProvider.statusCode()).isEqualTo(302);
        String authorization = toIdentityProvider.header("Location");
        assertThat(authorization).startsWith(identityProvider.baseUrl() + "/auth/realms/quarkus");
        Map<String, String> asked = query(authorization);
        assertThat(asked).containsEntry("response_type", "code").containsEntry("client_id", "quarkus-web-app");

        // the identity provider's login page, then its answer: back to the console with a code
        String loginPage = given().get(authorization).asString();
        assertThat(loginPage).contains("name=\"username\"");
        Response withCode = given().redirects().follow(false).queryParam("username", person).queryParam("password", person)
                .queryParam("state", asked.get("state")).queryParam("redirect_uri", asked.get("redirect_uri"))
                .get(identityProvider.baseUrl() + "/login");
        assertThat(withCode.statusCode()).isEqualTo(302);
        assertThat(query(withCode.header("Location"))).containsKey("code");

        Response next = given().filter(browser).redirects().follow(false).get(withCode.header("Location"));
        for (int hops = 0; hops < 5 && next.statusCode() / 100 == 3; hops++) {
            next = given().filter(browser).redirects().follow(false).get(next.header("Location"));
        }
        return next;
    }

    private static String csrfToken(String page) {
        Matcher field = CSRF_FIELD.matcher(page);
        assertThat(field.find()).as("the page's forms carry the CSRF token").isTrue();
        return field.group(1);
    }

    private static Map<String, String> query(String url) {
        Map<String, String> values = new LinkedHashMap<>();
        String query = URI.create(url).getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] parts = pair.split("=", 2);
                values.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                        parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
            }
        }
        return values;
    }

    private static JsonNode claims(String jwt) throws java.io.IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }
}

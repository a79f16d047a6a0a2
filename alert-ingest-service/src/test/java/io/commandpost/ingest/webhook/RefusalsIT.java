package io.commandpost.ingest.webhook;

import static io.restassured.RestAssured.given;
import static io.commandpost.ingest.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.commandpost.infra.test.LocalInfraResource;
import io.commandpost.ingest.support.Api;
import io.commandpost.ingest.support.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every refusal is an RFC 9457 problem with a request id, whichever layer refuses: the token filter (401),
 * routing (405, 415), the body limit (413, declared or chunked, plain or compressed).
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "commandpost_alert_ingest"))
class RefusalsIT {

    private static final String URL = "/v1/webhooks/alertmanager";
    private static final int LIMIT = 1024 * 1024;
    private static Api.CreatedIntegration integration;

    @BeforeEach
    void integration() {
        if (integration == null) {
            integration = Api.createIntegration("payments", "alertmanager", null);
        }
    }


    @Test
    void aMissingTokenIsA401ProblemWithARequestId() {
        Response response = given().contentType("application/json").body(Fixtures.bytes(Fixtures.FAMEDLY_SINGLE))
                .post(URL);
        assertProblem(response, 401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void aWrongMethodIsA405ProblemWithAllow() {
        Response response = integration.webhook().get(URL);
        assertProblem(response, 405);
        assertThat(response.header("Allow")).contains("POST");
    }

    @Test
    void anApiCallWithoutKeyIsA401ProblemWithARequestId() {
        assertProblem(given().get("/v1/integrations"), 401);
    }

    @Test
    void aDeclaredOversizedBodyIsA413Problem() {
        Response response = integration.webhook().contentType("application/json").body(new byte[LIMIT + 1]).post(URL);
        assertProblem(response, 413);
    }

    /**
     * A chunked body still streaming when it passes the limit: the answer is the 413 problem with the request id, and
     * the connection is closed (the sender is still writing; what it wrote past the limit is never read).
     */
    @Test
    void aChunkedBodyStillStreamingPastTheLimitIsA413Problem() throws Exception {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + URL + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + integration.token()
                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[16 * 1024];
            Arrays.fill(chunk, (byte) 'a');
            CompletableFuture<Void> streaming = CompletableFuture.runAsync(() -> {
                try {
                    out.write("4\r\n{\"a\"\r\n".getBytes(StandardCharsets.US_ASCII));
                    for (int sent = 0; sent < 4 * LIMIT; sent += chunk.length) { // never ends by itself
                        out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(chunk);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    }
                } catch (IOException cutOff) {
                    // the server closed the connection: what this test wants
                }
            });
            String answer = RawClient.readAll(socket.getInputStream());
            streaming.cancel(true);
            assertThat(answer).startsWith("HTTP/1.1 413").containsIgnoringCase("content-type: application/problem+json");
            String requestId = RawClient.header(answer, "X-Request-Id");
            assertThat(requestId).isNotBlank();
            assertThat(answer).contains("\"requestId\":\"" + requestId + "\"")
                    .contains("\"instance\":\"urn:uuid:" + requestId + "\"").contains("\"status\":413");
        }
    }

    @Test
    void aChunkedBodyUnderTheLimitIsAccepted() throws Exception {
        assertThat(chunked(URL, "application/json", null, Fixtures.bytes(Fixtures.FAMEDLY_SINGLE)).statusCode())
                .isEqualTo(202);
    }

    @Test
    void aJsonWebhookWithoutContentTypeIs415NamingJson() {
        Response response = integration.webhook().body(Fixtures.bytes(Fixtures.FAMEDLY_SINGLE)).post(URL);
        assertProblem(response, 415);
        assertThat((String) response.path("detail")).contains("application/json");
    }

    @Test
    void anotherMediaTypeIs415NamingJson() {
        Response response = integration.webhook().contentType("text/plain")
                .body(Fixtures.bytes(Fixtures.FAMEDLY_SINGLE)).post(URL);
        assertProblem(response, 415);
        assertThat((String) response.path("detail")).contains("application/json");
    }

    @Test
    void aGzippedBodyIsReadAsJson() throws IOException {
        integration.webhook().contentType("application/json").header("Content-Encoding", "gzip")
                .body(gzip(Fixtures.bytes(Fixtures.FAMEDLY_SINGLE))).post(URL)
                .then().statusCode(202);
    }

    @Test
    void aDeflatedBodyIsReadAsJson() throws IOException {
        integration.webhook().contentType("application/json").header("Content-Encoding", "deflate")
                .body(deflate(Fixtures.bytes(Fixtures.FAMEDLY_SINGLE))).post(URL)
                .then().statusCode(202);
    }

    @Test
    void aGzipBombIs413AsSoonAsItsExpansionPassesTheLimit() throws IOException {
        byte[] bomb = gzip(jsonOf(64 * LIMIT));
        assertThat(bomb.length).isLessThan(LIMIT);
        Response response = integration.webhook().contentType("application/json").header("Content-Encoding", "gzip")
                .body(bomb).post(URL);
        assertProblem(response, 413);
    }

    @Test
    void anUnknownEncodingIs415NamingTheAcceptedOnes() {
        Response response = integration.webhook().contentType("application/json").header("Content-Encoding", "compress")
                .body(new byte[] {1, 2, 3}).post(URL);
        assertProblem(response, 415);
        assertThat((String) response.path("detail")).contains("gzip").contains("deflate");
    }

    @Test
    void aCallersRequestIdIsKeptWhenItIsSane() {
        Response response = given().header("X-Request-Id", "0b6c9a3e-1111-4a4a-9b9b-123456789abc").get("/v1/integrations");
        assertThat(response.header("X-Request-Id")).isEqualTo("0b6c9a3e-1111-4a4a-9b9b-123456789abc");
    }

    /** A JSON document of about {@code size} bytes that compresses well. */
    static byte[] jsonOf(int size) {
        StringBuilder json = new StringBuilder(size + 16).append("{\"alerts\":[],\"pad\":\"");
        while (json.length() < size) {
            json.append("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
        }
        return json.append("\"}").toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(plain);
        }
        return out.toByteArray();
    }

    static byte[] deflate(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream zip = new DeflaterOutputStream(out)) {
            zip.write(plain);
        }
        return out.toByteArray();
    }

    /** Posts with no Content-Length (chunked transfer encoding): the length is not known up front. */
    static HttpResponse<String> chunked(String path, String contentType, String encoding, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("Authorization", "Bearer " + integration.token()).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> (InputStream) new ByteArrayInputStream(body)));
        if (encoding != null) {
            request.header("Content-Encoding", encoding);
        }
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

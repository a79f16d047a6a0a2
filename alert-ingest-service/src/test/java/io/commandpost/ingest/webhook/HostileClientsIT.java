package io.commandpost.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.commandpost.infra.test.LocalInfraResource;
import io.commandpost.ingest.support.Api;
import io.commandpost.ingest.support.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Arrays;
import java.util.Map;
import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Clients that hold a connection: a Content-Length never met, a body or the headers drip-fed a byte a second. All
 * are cut off by the total request deadline (8 s in this test's profile) while a valid delivery on another
 * connection is served.
 */
@QuarkusTest
@TestProfile(HostileClientsIT.ShortDeadline.class)
@QuarkusTestResource(value = LocalInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "commandpost_alert_ingest"))
class HostileClientsIT {

    /** A deadline short enough to test; the other tests keep the default, so a loaded machine does not 408 them. */
    public static class ShortDeadline implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("commandpost.http.request-deadline", DEADLINE_MILLIS + "ms");
        }
    }

    /** Short enough to test, long enough that a valid delivery on a loaded two-core machine is not cut too. */
    private static final long DEADLINE_MILLIS = 8_000;

    /** The hostile clients' own threads (the common pool may have a single one on two cores). */
    private static final ExecutorService CLIENTS = Executors.newCachedThreadPool();

    /** Java's own HTTP client asks for an h2c upgrade on a POST with its body: the deadline must not cut it. */
    @Test
    void aPostAskingForAnH2cUpgradeIsServed() throws Exception {
        Api.CreatedIntegration integration = warmedUp(Api.createIntegration("payments", "alertmanager", null));
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_2).build();
        for (int i = 0; i < 3; i++) { // the first asks for the upgrade, the next go over HTTP/2
            java.net.http.HttpResponse<String> answer = client.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://localhost:" + RestAssured.port + "/v1/webhooks/alertmanager"))
                    .header("Authorization", "Bearer " + integration.token())
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(Fixtures.bytes(Fixtures.FAMEDLY_SINGLE)))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        }
    }

    @Test
    void aContentLengthNeverMetIsCutOffWhileOthersAreServed() throws Exception {
        Api.CreatedIntegration integration = warmedUp(Api.createIntegration("payments", "alertmanager", null));
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout((int) (DEADLINE_MILLIS * 3));
            long started = System.nanoTime();
            OutputStream out = socket.getOutputStream();
            out.write(headers(integration.token(), 1000).getBytes(StandardCharsets.US_ASCII));
            out.write("{\"status\":".getBytes(StandardCharsets.US_ASCII));
            out.flush();

            integration.webhook().contentType("application/json").body(Fixtures.bytes(Fixtures.FAMEDLY_SINGLE))
                    .post("/v1/webhooks/alertmanager").then().statusCode(202);

            String answer = readAll(socket.getInputStream());
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertThat(answer).startsWith("HTTP/1.1 408").contains("application/problem+json").contains("requestId");
            assertThat(tookMillis).isBetween(DEADLINE_MILLIS - 500, DEADLINE_MILLIS * 2);
        }
    }

    @Test
    void aBodyDripFedAByteASecondIsCutOffAtTheDeadline() throws Exception {
        Api.CreatedIntegration integration = warmedUp(Api.createIntegration("payments", "alertmanager", null));
        byte[] body = Fixtures.bytes(Fixtures.FAMEDLY_SINGLE);
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout((int) (DEADLINE_MILLIS * 3));
            long started = System.nanoTime();
            OutputStream out = socket.getOutputStream();
            out.write(headers(integration.token(), body.length).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            CompletableFuture<Void> drip = CompletableFuture.runAsync(() -> {
                try {
                    for (byte b : body) {
                        out.write(b);
                        out.flush();
                        Thread.sleep(1_000); // the hostile client's pace, not a wait of the test
                    }
                } catch (IOException | InterruptedException cutOff) {
                    // the server closed the connection: what this test wants
                }
            });

            String answer = readAll(socket.getInputStream());
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            drip.cancel(true);
            assertThat(answer).startsWith("HTTP/1.1 408");
            assertThat(tookMillis).isLessThan(DEADLINE_MILLIS * 2);
        }
    }

    /** A slowloris: the request line and headers a byte a second. Cut at the deadline, others served meanwhile. */
    @Test
    void headersDripFedAByteASecondAreCutOffAtTheDeadlineWhileOthersAreServed() throws Exception {
        Api.CreatedIntegration integration = warmedUp(Api.createIntegration("payments", "alertmanager", null));
        byte[] head = headers(integration.token(), 2).getBytes(StandardCharsets.US_ASCII);
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout((int) (DEADLINE_MILLIS * 3));
            long started = System.nanoTime();
            OutputStream out = socket.getOutputStream();
            CompletableFuture<Void> drip = CompletableFuture.runAsync(() -> drip(out, head, 1_000), CLIENTS);

            integration.webhook().contentType("application/json").body(Fixtures.bytes(Fixtures.FAMEDLY_SINGLE))
                    .post("/v1/webhooks/alertmanager").then().statusCode(202);

            String answer = readAll(socket.getInputStream());
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            drip.cancel(true);
            assertThat(answer).startsWith("HTTP/1.1 408").contains("application/problem+json").contains("requestId")
                    .containsIgnoringCase("X-Request-Id");
            assertThat(tookMillis).isBetween(DEADLINE_MILLIS - 500, DEADLINE_MILLIS * 2);
        }
    }

    /**
     * Headers and body share one deadline counted from the first byte: headers taking four fifths of it leave the
     * body one fifth, not a whole deadline more.
     */
    @Test
    void headersAndBodyShareOneDeadlineFromTheFirstByte() throws Exception {
        Api.CreatedIntegration integration = warmedUp(Api.createIntegration("payments", "alertmanager", null));
        byte[] body = Fixtures.bytes(Fixtures.FAMEDLY_SINGLE);
        byte[] head = headers(integration.token(), body.length).getBytes(StandardCharsets.US_ASCII);
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout((int) (DEADLINE_MILLIS * 3));
            long started = System.nanoTime();
            OutputStream out = socket.getOutputStream();
            int pieces = 8;
            long headMillis = DEADLINE_MILLIS * 4 / 5;
            CompletableFuture<Void> drip = CompletableFuture.runAsync(() -> {
                try {
                    int piece = (head.length + pieces - 1) / pieces;
                    for (int from = 0; from < head.length; from += piece) {
                        out.write(head, from, Math.min(piece, head.length - from));
                        out.flush();
                        Thread.sleep(headMillis / pieces); // the hostile client's pace, not a wait of the test
                    }
                } catch (IOException | InterruptedException cutOff) {
                    return; // the server closed the connection: what this test wants
                }
                drip(out, body, 1_000);
            }, CLIENTS);

            String answer = readAll(socket.getInputStream());
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            drip.cancel(true);
            assertThat(answer).startsWith("HTTP/1.1 408");
            assertThat(tookMillis).isBetween(DEADLINE_MILLIS - 500, DEADLINE_MILLIS + headMillis / 2);
        }
    }

    /**
     * HTTP/2 with prior knowledge: a client whose HEADERS frame is followed by CONTINUATION frames a byte a second,
     * never ending the header block, is sent a GOAWAY and closed at the deadline (no HTTP/1.1 bytes on an HTTP/2
     * connection), while a delivery on another connection is served.
     */
    @Test
    void http2HeadersDripFedInContinuationFramesAreCutAtTheDeadlineWhileOthersAreServed() throws Exception {
        Api.CreatedIntegration integration = warmedUp(Api.createIntegration("payments", "alertmanager", null));
        byte[] block = Http2.headerBlock(1, "POST", "/v1/webhooks/alertmanager", integration.token(), 2);
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout((int) (DEADLINE_MILLIS * 3));
            long started = System.nanoTime();
            OutputStream out = socket.getOutputStream();
            out.write(Http2.PREFACE);
            out.write(Http2.frame(Http2.SETTINGS, 0, 0, new byte[0]));
            out.write(Http2.frame(Http2.HEADERS, 0, 1, Arrays.copyOf(block, 1)));
            out.flush();
            CompletableFuture<Void> drip = CompletableFuture.runAsync(() -> {
                try {
                    for (int at = 1; at < block.length; at++) { // never END_HEADERS
                        out.write(Http2.frame(Http2.CONTINUATION, 0, 1, new byte[] {block[at]}));
                        out.flush();
                        Thread.sleep(1_000); // the hostile client's pace, not a wait of the test
                    }
                } catch (IOException | InterruptedException cutOff) {
                    // the server closed the connection: what this test wants
                }
            }, CLIENTS);

            integration.webhook().contentType("application/json").body(Fixtures.bytes(Fixtures.FAMEDLY_SINGLE))
                    .post("/v1/webhooks/alertmanager").then().statusCode(202);

            byte[] answer = readAllBytes(socket.getInputStream());
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            drip.cancel(true);
            assertThat(new String(answer, StandardCharsets.US_ASCII)).doesNotContain("HTTP/1.1");
            assertThat(Http2.frameTypes(answer)).contains(Http2.GOAWAY);
            assertThat(Http2.goAwayDebug(answer)).contains("request");
            assertThat(tookMillis).isBetween(DEADLINE_MILLIS - 500, DEADLINE_MILLIS * 2);
        }
    }

    /**
     * HTTP/2 with prior knowledge: a first request whose headers came promptly, then a second stream whose header
     * block never ends: the clock of the second block starts at its own first byte and cuts it at the deadline.
     */
    @Test
    void aLaterHttp2HeaderBlockThatNeverEndsIsCutAtTheDeadline() throws Exception {
        Api.CreatedIntegration integration = warmedUp(Api.createIntegration("payments", "alertmanager", null));
        byte[] body = Fixtures.bytes(Fixtures.FAMEDLY_SINGLE);
        byte[] first = Http2.headerBlock(1, "POST", "/v1/webhooks/alertmanager", integration.token(), body.length);
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout((int) (DEADLINE_MILLIS * 3));
            OutputStream out = socket.getOutputStream();
            out.write(Http2.PREFACE);
            out.write(Http2.frame(Http2.SETTINGS, 0, 0, new byte[0]));
            out.write(Http2.frame(Http2.HEADERS, Http2.END_HEADERS, 1, first));
            out.write(Http2.frame(Http2.DATA, Http2.END_STREAM, 1, body));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] firstAnswer = Http2.readUntilHeadersOn(in, 1);
            assertThat(Http2.status(firstAnswer, 1)).isEqualTo("202");

            byte[] second = Http2.headerBlock(3, "POST", "/v1/webhooks/alertmanager", integration.token(), body.length);
            long started = System.nanoTime();
            out.write(Http2.frame(Http2.HEADERS, 0, 3, Arrays.copyOf(second, 1)));
            out.flush();
            CompletableFuture<Void> drip = CompletableFuture.runAsync(() -> {
                try {
                    for (int at = 1; at < second.length; at++) {
                        out.write(Http2.frame(Http2.CONTINUATION, 0, 3, new byte[] {second[at]}));
                        out.flush();
                        Thread.sleep(1_000); // the hostile client's pace, not a wait of the test
                    }
                } catch (IOException | InterruptedException cutOff) {
                    // the server closed the connection: what this test wants
                }
            }, CLIENTS);
            byte[] answer = readAllBytes(in);
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            drip.cancel(true);
            assertThat(Http2.frameTypes(answer)).contains(Http2.GOAWAY);
            assertThat(Http2.goAwayLastStream(answer)).isEqualTo(1);
            assertThat(tookMillis).isBetween(DEADLINE_MILLIS - 500, DEADLINE_MILLIS * 2);
        }
    }

    /** HTTP/2: headers in time, a body that never comes: the request's own deadline answers 408 and closes. */
    @Test
    void anHttp2RequestWhoseBodyNeverComesIsCutAtTheDeadline() throws Exception {
        Api.CreatedIntegration integration = warmedUp(Api.createIntegration("payments", "alertmanager", null));
        byte[] block = Http2.headerBlock(1, "POST", "/v1/webhooks/alertmanager", integration.token(), 1000);
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout((int) (DEADLINE_MILLIS * 3));
            long started = System.nanoTime();
            OutputStream out = socket.getOutputStream();
            out.write(Http2.PREFACE);
            out.write(Http2.frame(Http2.SETTINGS, 0, 0, new byte[0]));
            out.write(Http2.frame(Http2.HEADERS, Http2.END_HEADERS, 1, block));
            out.write(Http2.frame(Http2.DATA, 0, 1, "{\"status\":".getBytes(StandardCharsets.US_ASCII)));
            out.flush();

            byte[] answer = readAllBytes(socket.getInputStream());
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertThat(Http2.status(answer, 1)).isEqualTo("408");
            assertThat(tookMillis).isBetween(DEADLINE_MILLIS - 500, DEADLINE_MILLIS * 2);
        }
    }

    /**
     * h2c by upgrade: the HTTP/1.1 request that asks for it is served on stream 1, then a header block that never ends
     * on the upgraded connection is cut at the deadline as with prior knowledge.
     */
    @Test
    void afterAnH2cUpgradeAHeaderBlockThatNeverEndsIsCutAtTheDeadline() throws Exception {
        Api.CreatedIntegration integration = warmedUp(Api.createIntegration("payments", "alertmanager", null));
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout((int) (DEADLINE_MILLIS * 3));
            OutputStream out = socket.getOutputStream();
            out.write(("GET /v1/integrations HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + Api.API_KEY
                    + "\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABk\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String switching = Http2.readHttp1Head(in);
            assertThat(switching).startsWith("HTTP/1.1 101");
            out.write(Http2.PREFACE);
            out.write(Http2.frame(Http2.SETTINGS, 0, 0, new byte[0]));
            out.flush();
            byte[] upgraded = Http2.readUntilHeadersOn(in, 1);
            assertThat(Http2.status(upgraded, 1)).as(Http2.describe(upgraded)).isEqualTo("200");

            byte[] block = Http2.headerBlock(3, "POST", "/v1/webhooks/alertmanager", integration.token(), 2);
            long started = System.nanoTime();
            out.write(Http2.frame(Http2.HEADERS, 0, 3, Arrays.copyOf(block, 1)));
            out.flush();
            CompletableFuture<Void> drip = CompletableFuture.runAsync(() -> {
                try {
                    for (int at = 1; at < block.length; at++) {
                        out.write(Http2.frame(Http2.CONTINUATION, 0, 3, new byte[] {block[at]}));
                        out.flush();
                        Thread.sleep(1_000); // the hostile client's pace, not a wait of the test
                    }
                } catch (IOException | InterruptedException cutOff) {
                    // the server closed the connection: what this test wants
                }
            }, CLIENTS);
            byte[] answer = readAllBytes(in);
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            drip.cancel(true);
            assertThat(Http2.frameTypes(answer)).contains(Http2.GOAWAY);
            assertThat(tookMillis).isBetween(DEADLINE_MILLIS - 500, DEADLINE_MILLIS * 2);
        }
    }

    /** Writes the bytes one per {@code everyMillis}, until done or the server closes the connection. */
    private static void drip(OutputStream out, byte[] bytes, long everyMillis) {
        try {
            for (byte b : bytes) {
                out.write(b);
                out.flush();
                Thread.sleep(everyMillis); // the hostile client's pace, not a wait of the test
            }
        } catch (IOException | InterruptedException cutOff) {
            // the server closed the connection: what this test wants
        }
    }

    /**
     * One valid delivery first, so the token is remembered and the producer knows the topic: what the test then times
     * is the deadline, not a first use on a loaded machine.
     */
    private static Api.CreatedIntegration warmedUp(Api.CreatedIntegration integration) {
        integration.webhook().contentType("application/json").body(Fixtures.bytes(Fixtures.FAMEDLY_SINGLE))
                .post("/v1/webhooks/alertmanager").then().statusCode(202);
        return integration;
    }

    private static String headers(String token, int contentLength) {
        return "POST /v1/webhooks/alertmanager HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nContent-Length: " + contentLength + "\r\n\r\n";
    }

    /** Everything until the server closes the connection (or the socket timeout says it never did). */
    static String readAll(InputStream in) throws IOException {
        return new String(readAllBytes(in), StandardCharsets.US_ASCII);
    }

    static byte[] readAllBytes(InputStream in) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                read.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server kept the connection open; read so far: " + read, e);
        } catch (java.net.SocketException reset) {
            // closed by the server while the client still wrote
        }
        return read.toByteArray();
    }
}

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
import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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

    /**
     * A deadline short enough to test (the other tests keep the default, so a loaded machine does not 408 them), and a
     * body limit an HTTP/2 stream can pass within the initial flow-control window, which a raw client need not follow.
     */
    public static class ShortDeadline implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("commandpost.http.request-deadline", DEADLINE_MILLIS + "ms",
                    "quarkus.http.limits.max-body-size", BODY_LIMIT_BYTES + "");
        }
    }

    /** Short enough to test, long enough that a valid delivery on a loaded two-core machine is not cut too. */
    private static final long DEADLINE_MILLIS = 8_000;

    /** Under HTTP/2's initial window (65,535 bytes), over any body these tests deliver. */
    private static final int BODY_LIMIT_BYTES = 32 * 1024;

    /** A server that never answers or never closes fails the test (the raw clients' reads time out). */
    private static final long READ_TIMEOUT_MILLIS = DEADLINE_MILLIS * 3;

    private static final String WEBHOOK = "/v1/webhooks/alertmanager";

    /** Java's own HTTP client asks for an h2c upgrade on a POST with its body: the deadline must not cut it. */
    @Test
    void aPostAskingForAnH2cUpgradeIsServed() throws Exception {
        Api.CreatedIntegration integration = warmedUp(Api.createIntegration("payments", "alertmanager", null));
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_2).build();
        for (int i = 0; i < 3; i++) { // the first asks for the upgrade, the next go over HTTP/2
            java.net.http.HttpResponse<String> answer = client.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://localhost:" + RestAssured.port + WEBHOOK))
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
        try (RawClient client = RawClient.connect(READ_TIMEOUT_MILLIS)) {
            long started = System.nanoTime();
            client.send(headers(integration.token(), 1000) + "{\"status\":");

            delivered(integration);

            String answer = client.readAll();
            long tookMillis = millisSince(started);
            assertThat(answer).startsWith("HTTP/1.1 408").contains("application/problem+json").contains("requestId");
            assertThat(tookMillis).isBetween(DEADLINE_MILLIS - 500, DEADLINE_MILLIS * 2);
        }
    }

    @Test
    void aBodyDripFedAByteASecondIsCutOffAtTheDeadline() throws Exception {
        Api.CreatedIntegration integration = warmedUp(Api.createIntegration("payments", "alertmanager", null));
        byte[] body = Fixtures.bytes(Fixtures.FAMEDLY_SINGLE);
        try (RawClient client = RawClient.connect(READ_TIMEOUT_MILLIS)) {
            long started = System.nanoTime();
            client.send(headers(integration.token(), body.length));
            client.drip(1_000, RawClient.eachByte(body));

            String answer = client.readAll();
            assertThat(answer).startsWith("HTTP/1.1 408");
            assertThat(millisSince(started)).isLessThan(DEADLINE_MILLIS * 2);
        }
    }

    /** A slowloris: the request line and headers a byte a second. Cut at the deadline, others served meanwhile. */
    @Test
    void headersDripFedAByteASecondAreCutOffAtTheDeadlineWhileOthersAreServed() throws Exception {
        Api.CreatedIntegration integration = warmedUp(Api.createIntegration("payments", "alertmanager", null));
        byte[] head = headers(integration.token(), 2).getBytes(StandardCharsets.US_ASCII);
        try (RawClient client = RawClient.connect(READ_TIMEOUT_MILLIS)) {
            long started = System.nanoTime();
            client.drip(1_000, RawClient.eachByte(head));

            delivered(integration);

            String answer = client.readAll();
            long tookMillis = millisSince(started);
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
        try (RawClient client = RawClient.connect(READ_TIMEOUT_MILLIS)) {
            long started = System.nanoTime();
            int pieces = 8;
            long headMillis = DEADLINE_MILLIS * 4 / 5;
            int piece = (head.length + pieces - 1) / pieces;
            List<byte[]> headInPieces = new ArrayList<>();
            for (int from = 0; from < head.length; from += piece) {
                headInPieces.add(Arrays.copyOfRange(head, from, Math.min(head.length, from + piece)));
            }
            client.drip(headMillis / pieces, headInPieces)
                    .thenAccept(sent -> client.drip(1_000, RawClient.eachByte(body)));

            String answer = client.readAll();
            assertThat(answer).startsWith("HTTP/1.1 408");
            assertThat(millisSince(started)).isBetween(DEADLINE_MILLIS - 500, DEADLINE_MILLIS + headMillis / 2);
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
        byte[] block = Http2.headerBlock(1, "POST", WEBHOOK, integration.token(), 2);
        try (RawClient client = RawClient.http2(READ_TIMEOUT_MILLIS)) {
            long started = System.nanoTime();
            client.send(Http2.frame(Http2.HEADERS, 0, 1, Arrays.copyOf(block, 1)));
            client.drip(1_000, Http2.continuations(1, block, 1));

            delivered(integration);

            byte[] answer = client.readAllBytes();
            long tookMillis = millisSince(started);
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
        try (RawClient client = RawClient.http2(READ_TIMEOUT_MILLIS)) {
            client.send(Http2.request(1, WEBHOOK, integration.token(), body));
            byte[] firstAnswer = Http2.readUntilHeadersOn(client.in(), 1);
            assertThat(Http2.status(firstAnswer, 1)).isEqualTo("202");

            byte[] second = Http2.headerBlock(3, "POST", WEBHOOK, integration.token(), body.length);
            long started = System.nanoTime();
            client.send(Http2.frame(Http2.HEADERS, 0, 3, Arrays.copyOf(second, 1)));
            client.drip(1_000, Http2.continuations(3, second, 1));

            byte[] answer = client.readAllBytes();
            long tookMillis = millisSince(started);
            assertThat(Http2.frameTypes(answer)).contains(Http2.GOAWAY);
            assertThat(Http2.goAwayLastStream(answer)).isEqualTo(1);
            assertThat(tookMillis).isBetween(DEADLINE_MILLIS - 500, DEADLINE_MILLIS * 2);
        }
    }

    /**
     * HTTP/2, two streams on one connection: stream 1's headers came in time but its body never ends, stream 3 is a
     * whole delivery. Stream 3 is served meanwhile; at the deadline stream 1 alone gets a 408 problem and a
     * RST_STREAM, and the connection is not closed: a third delivery on it, stream 5, is served after.
     */
    @Test
    void anHttp2StreamWhoseBodyMissesTheDeadlineIsResetAloneAndTheConnectionServesOn() throws Exception {
        Api.CreatedIntegration integration = warmedUp(Api.createIntegration("payments", "alertmanager", null));
        byte[] body = Fixtures.bytes(Fixtures.FAMEDLY_SINGLE);
        byte[] slow = Http2.headerBlock(1, "POST", WEBHOOK, integration.token(), 1000);
        try (RawClient client = RawClient.http2(READ_TIMEOUT_MILLIS)) {
            long started = System.nanoTime();
            client.send(Http2.frame(Http2.HEADERS, Http2.END_HEADERS, 1, slow),
                    Http2.frame(Http2.DATA, 0, 1, "{\"status\":".getBytes(StandardCharsets.US_ASCII)));
            client.send(Http2.request(3, WEBHOOK, integration.token(), body));
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            read.write(Http2.readUntilHeadersOn(client.in(), 3));
            assertThat(Http2.status(read.toByteArray(), 3)).isEqualTo("202");
            assertThat(millisSince(started)).isLessThan(DEADLINE_MILLIS);

            assertProblemAndResetOn(client, read, 1, 408);
            assertThat(millisSince(started)).isBetween(DEADLINE_MILLIS - 500, DEADLINE_MILLIS * 2);

            assertServedOn(client, read, 5, integration);
        }
    }

    /**
     * HTTP/2: a mail form streaming past the body limit without announcing a length gets the 413 problem and a
     * RST_STREAM on its own stream, and the connection is not closed: a delivery on it is served after.
     */
    @Test
    void anHttp2BodyPastTheLimitIsRefusedOnItsOwnStreamAndTheConnectionServesOn() throws Exception {
        Api.CreatedIntegration integration = warmedUp(Api.createIntegration("payments", "alertmanager", null));
        Api.CreatedIntegration mail = Api.createIntegration("payments", "email", null);
        byte[] form = ("from=ada%40example.com&pad=" + "a".repeat(16_000)).getBytes(StandardCharsets.US_ASCII);
        try (RawClient client = RawClient.http2(READ_TIMEOUT_MILLIS)) {
            client.send(Http2.frame(Http2.HEADERS, Http2.END_HEADERS, 1, Http2.headerBlock(1, "POST",
                    "/v1/webhooks/email", "application/x-www-form-urlencoded", mail.token(), -1)));
            for (int sent = 0; sent <= BODY_LIMIT_BYTES; sent += form.length) { // never ends the stream
                client.send(Http2.frame(Http2.DATA, 0, 1, form));
            }
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            assertProblemAndResetOn(client, read, 1, 413);

            assertServedOn(client, read, 3, integration);
        }
    }

    /**
     * h2c by upgrade: the HTTP/1.1 request that asks for it is served on stream 1, then a header block that never ends
     * on the upgraded connection is cut at the deadline as with prior knowledge.
     */
    @Test
    void afterAnH2cUpgradeAHeaderBlockThatNeverEndsIsCutAtTheDeadline() throws Exception {
        Api.CreatedIntegration integration = warmedUp(Api.createIntegration("payments", "alertmanager", null));
        try (RawClient client = RawClient.connect(READ_TIMEOUT_MILLIS)) {
            client.send("GET /v1/integrations HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + Api.API_KEY
                    + "\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABk\r\n\r\n");
            String switching = Http2.readHttp1Head(client.in());
            assertThat(switching).startsWith("HTTP/1.1 101");
            client.send(Http2.PREFACE, Http2.frame(Http2.SETTINGS, 0, 0, new byte[0]));
            byte[] upgraded = Http2.readUntilHeadersOn(client.in(), 1);
            assertThat(Http2.status(upgraded, 1)).as(Http2.describe(upgraded)).isEqualTo("200");

            byte[] block = Http2.headerBlock(3, "POST", WEBHOOK, integration.token(), 2);
            long started = System.nanoTime();
            client.send(Http2.frame(Http2.HEADERS, 0, 3, Arrays.copyOf(block, 1)));
            client.drip(1_000, Http2.continuations(3, block, 1));

            byte[] answer = client.readAllBytes();
            assertThat(Http2.frameTypes(answer)).contains(Http2.GOAWAY);
            assertThat(millisSince(started)).isBetween(DEADLINE_MILLIS - 500, DEADLINE_MILLIS * 2);
        }
    }

    /**
     * One valid delivery first, so the token is remembered and the producer knows the topic: what the test then times
     * is the deadline, not a first use on a loaded machine.
     */
    private static Api.CreatedIntegration warmedUp(Api.CreatedIntegration integration) {
        delivered(integration);
        return integration;
    }

    /**
     * Reads (into {@code read}, all the connection sent so far) until the stream's RST_STREAM, which must follow a
     * problem with this status and a request id on that stream.
     */
    private static void assertProblemAndResetOn(RawClient client, ByteArrayOutputStream read, int stream, int status)
            throws Exception {
        read.write(Http2.readUntil(client.in(), Http2.RST_STREAM, stream));
        byte[] answered = read.toByteArray();
        assertThat(Http2.status(answered, stream)).as(Http2.describe(answered)).isEqualTo(Integer.toString(status));
        assertThat(Http2.headersOn(answered, stream).get("content-type")).hasToString("application/problem+json");
        assertThat(Http2.dataOn(answered, stream)).contains("\"status\":" + status).contains("requestId");
    }

    /** A valid delivery on this stream of the same HTTP/2 connection is served: the connection was not closed. */
    private static void assertServedOn(RawClient client, ByteArrayOutputStream read, int stream,
                                       Api.CreatedIntegration integration) throws Exception {
        client.send(Http2.request(stream, WEBHOOK, integration.token(), Fixtures.bytes(Fixtures.FAMEDLY_SINGLE)));
        read.write(Http2.readUntilHeadersOn(client.in(), stream));
        byte[] all = read.toByteArray();
        assertThat(Http2.status(all, stream)).as(Http2.describe(all)).isEqualTo("202");
        assertThat(Http2.frameTypes(all)).doesNotContain(Http2.GOAWAY);
    }

    /** A valid delivery on a connection of its own is served. */
    private static void delivered(Api.CreatedIntegration integration) {
        integration.webhook().contentType("application/json").body(Fixtures.bytes(Fixtures.FAMEDLY_SINGLE))
                .post(WEBHOOK).then().statusCode(202);
    }

    private static String headers(String token, int contentLength) {
        return "POST " + WEBHOOK + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nContent-Length: " + contentLength + "\r\n\r\n";
    }

    private static long millisSince(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }
}

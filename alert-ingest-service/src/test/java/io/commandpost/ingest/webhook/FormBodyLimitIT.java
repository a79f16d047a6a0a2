package io.commandpost.ingest.webhook;

import static io.restassured.RestAssured.given;
import static io.commandpost.ingest.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.commandpost.infra.test.LocalInfraResource;
import io.commandpost.ingest.support.Api;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Form bodies ({@code application/x-www-form-urlencoded} or {@code multipart/form-data}: Slack slash commands, inbound
 * mail) and Slack's other bodies are held to the same body limit as JSON, however they come: an announced oversized
 * one and a chunked one still streaming past the limit are both a 413 problem with a request id, and what comes past
 * the limit is never read: a sender streaming {@link #ENDLESS} bytes is cut off long before it is done, so the
 * service cannot have held them.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "commandpost_alert_ingest"))
class FormBodyLimitIT {

    private static final int LIMIT = 1024 * 1024;
    /**
     * What an endless sender would send: far more than the limit plus what the two sockets' buffers can hold
     * ({@code tcp_rmem} and {@code tcp_wmem} at most 32 and 4 MiB here), so a sender that got it all out was read.
     */
    private static final long ENDLESS = 64L * LIMIT;
    private static final String SLACK_COMMANDS = "/v1/webhooks/slack/commands";
    private static final String SLACK_EVENTS = "/v1/webhooks/slack/events";
    private static final String SLACK_HEADERS = "X-Slack-Request-Timestamp: 1\r\nX-Slack-Signature: v0=00\r\n";
    private static final String EMAIL = "/v1/webhooks/email";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String BOUNDARY = "commandpost-form-limit";
    private static final String MULTIPART = "multipart/form-data; boundary=" + BOUNDARY;

    private static Api.CreatedIntegration email;

    @BeforeEach
    void integration() {
        if (email == null) {
            email = Api.createIntegration("payments", "email", null);
        }
    }

    @Test
    void anAnnouncedOversizedSlashCommandIsA413Problem() {
        Response response = given().contentType(FORM).header("X-Slack-Request-Timestamp", "1")
                .header("X-Slack-Signature", "v0=00").body(new String(formOf(LIMIT + 1), StandardCharsets.US_ASCII))
                .post(SLACK_COMMANDS);
        assertProblem(response, 413);
    }

    @Test
    void aChunkedSlashCommandStillStreamingPastTheLimitIsA413Problem() throws Exception {
        assertCutOffWithAProblem(SLACK_COMMANDS, SLACK_HEADERS, FORM, "command=x", formOf(16 * 1024));
    }

    @Test
    void aChunkedSlackEventStillStreamingPastTheLimitIsA413Problem() throws Exception {
        byte[] chunk = new byte[16 * 1024];
        Arrays.fill(chunk, (byte) ' ');
        assertCutOffWithAProblem(SLACK_EVENTS, SLACK_HEADERS, "application/json", "{\"type\":", chunk);
    }

    @Test
    void anAnnouncedOversizedMailIsA413Problem() {
        Response response = email.webhook().contentType(FORM).body(new String(formOf(LIMIT + 1), StandardCharsets.US_ASCII))
                .post(EMAIL);
        assertProblem(response, 413);
    }

    @Test
    void anAnnouncedOversizedMultipartMailIsA413Problem() {
        Response response = email.webhook().contentType(MULTIPART)
                .body(multipartOf(LIMIT + 1)).post(EMAIL);
        assertProblem(response, 413);
    }

    /** Quarkus REST's own form parsing ({@code @RestForm}) read such a body whole, without any limit. */
    @Test
    void aChunkedMailStillStreamingPastTheLimitIsA413Problem() throws Exception {
        assertCutOffWithAProblem(EMAIL, authorization(), FORM, "from=ada%40example.com", formOf(16 * 1024));
    }

    @Test
    void aChunkedMultipartMailStillStreamingPastTheLimitIsA413Problem() throws Exception {
        assertCutOffWithAProblem(EMAIL, authorization(), MULTIPART, "", multipartOf(16 * 1024));
    }

    /** The counting does not get in the way of a form that fits: a chunked mail under the limit is taken. */
    @Test
    void aChunkedMailUnderTheLimitIsTaken() throws Exception {
        assertTakenInChunks(FORM, "from=ada%40example.com&subject=Refund+job+stuck%3F&text=Has+it+finished%3F");
    }

    @Test
    void aChunkedMultipartMailUnderTheLimitIsTaken() throws Exception {
        assertTakenInChunks(MULTIPART, part("from", "ada@example.com") + part("subject", "Refund job stuck?")
                + part("text", "Has it finished?") + "--" + BOUNDARY + "--\r\n");
    }

    private static void assertTakenInChunks(String contentType, String form) throws Exception {
        byte[] bytes = form.getBytes(StandardCharsets.US_ASCII);
        try (RawClient client = RawClient.connect(20_000)) {
            client.send(head(EMAIL, authorization(), contentType));
            for (int from = 0; from < bytes.length; from += 16) {
                client.send(chunk(Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + 16))));
            }
            client.send("0\r\n\r\n");
            String answer = client.readOneAnswer();
            assertThat(answer).startsWith("HTTP/1.1 202").contains("questionId");
        }
    }


    /**
     * Sends a chunked body that never ends by itself ({@code first}, then {@code repeated} until {@link #ENDLESS}
     * bytes went out), and checks that the server answered the 413 problem and cut the sender off long before that.
     */
    private static void assertCutOffWithAProblem(String path, String extraHeaders, String contentType, String first,
                                                 byte[] repeated) throws Exception {
        try (RawClient client = RawClient.connect(20_000)) {
            client.send(head(path, extraHeaders, contentType));
            List<byte[]> chunks = new ArrayList<>();
            if (!first.isEmpty()) {
                chunks.add(chunk(first.getBytes(StandardCharsets.US_ASCII)));
            }
            chunks.addAll(Collections.nCopies((int) (ENDLESS / repeated.length), chunk(repeated)));
            CompletableFuture<RawClient.Sent> streaming = client.drip(0, chunks);

            String answer = client.readAll();
            assertThat(answer).startsWith("HTTP/1.1 413").containsIgnoringCase("content-type: application/problem+json");
            String requestId = RawClient.header(answer, "X-Request-Id");
            assertThat(requestId).isNotBlank();
            assertThat(answer).contains("\"requestId\":\"" + requestId + "\"")
                    .contains("\"instance\":\"urn:uuid:" + requestId + "\"").contains("\"status\":413");
            RawClient.Sent sent = streaming.get(20, TimeUnit.SECONDS);
            assertThat(sent.cutOff()).as("cut off after %d bytes", sent.bytes()).isTrue();
            assertThat(sent.bytes()).isLessThan(ENDLESS / 2);
        }
    }

    private static String authorization() {
        return "Authorization: Bearer " + email.token() + "\r\n";
    }

    private static byte[] head(String path, String extraHeaders, String contentType) {
        return ("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n" + extraHeaders + "Content-Type: " + contentType
                + "\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** One chunk of a chunked body: its size in hex, the bytes, CRLF. */
    private static byte[] chunk(byte[] bytes) {
        byte[] size = (Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] chunk = Arrays.copyOf(size, size.length + bytes.length + 2);
        System.arraycopy(bytes, 0, chunk, size.length, bytes.length);
        chunk[chunk.length - 2] = '\r';
        chunk[chunk.length - 1] = '\n';
        return chunk;
    }

    /** {@code &pad=aaa…&pad=aaa…}: about {@code size} bytes of small form fields. */
    private static byte[] formOf(int size) {
        byte[] form = new byte[size];
        Arrays.fill(form, (byte) 'a');
        for (int at = 0; at + 5 <= size; at += 1000) {
            System.arraycopy("&pad=".getBytes(StandardCharsets.US_ASCII), 0, form, at, 5);
        }
        return form;
    }

    /** At least {@code size} bytes of small multipart fields, each a whole part (no closing delimiter). */
    private static byte[] multipartOf(int size) {
        StringBuilder parts = new StringBuilder();
        String pad = "a".repeat(1000);
        while (parts.length() < size) {
            parts.append(part("pad", pad));
        }
        return parts.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static String part(String name, String value) {
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }
}

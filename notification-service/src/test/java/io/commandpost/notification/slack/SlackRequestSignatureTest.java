package io.commandpost.notification.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.commandpost.notification.slack.SlackRequestSignature.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Slack's documented signing example (slack/constructed-wrapper-slack-docs-signing-vector.json). */
class SlackRequestSignatureTest {

    private static final JsonNode VECTOR = vector();
    private static final String SECRET = VECTOR.path("signing_secret").asText();
    private static final String TIMESTAMP = VECTOR.path("request_headers").path("X-Slack-Request-Timestamp").asText();
    private static final String SIGNATURE = VECTOR.path("request_headers").path("X-Slack-Signature").asText();
    private static final byte[] BODY = resource("slack/slack-docs-signing-vector.slash-command.body.txt");
    private static final Instant SIGNED_AT = Instant.ofEpochSecond(Long.parseLong(TIMESTAMP));

    @Test
    void givenSlacksDocumentedExample_whenSigned_thenTheDocumentedSignatureComesOut() {
        assertThat(SlackRequestSignature.sign(SECRET, Long.parseLong(TIMESTAMP), BODY)).isEqualTo(SIGNATURE);
    }

    @Test
    void givenSlacksDocumentedExample_whenVerifiedWithinFiveMinutes_thenValid() {
        assertThat(SlackRequestSignature.verify(SECRET, TIMESTAMP, SIGNATURE, BODY, SIGNED_AT.plusSeconds(299)))
                .isEqualTo(Verdict.VALID);
        assertThat(SlackRequestSignature.verify(SECRET, TIMESTAMP, SIGNATURE, BODY, SIGNED_AT.minusSeconds(299)))
                .isEqualTo(Verdict.VALID);
    }

    @Test
    void givenSlacksDocumentedExample_whenVerifiedMoreThanFiveMinutesLater_thenStale() {
        assertThat(SlackRequestSignature.verify(SECRET, TIMESTAMP, SIGNATURE, BODY, SIGNED_AT.plusSeconds(301)))
                .isEqualTo(Verdict.STALE);
    }

    @Test
    void givenAnotherSecretOrAChangedBody_whenVerified_thenMismatch() {
        assertThat(SlackRequestSignature.verify("another-secret", TIMESTAMP, SIGNATURE, BODY, SIGNED_AT))
                .isEqualTo(Verdict.MISMATCH);
        byte[] changed = BODY.clone();
        changed[changed.length - 1] ^= 1;
        assertThat(SlackRequestSignature.verify(SECRET, TIMESTAMP, SIGNATURE, changed, SIGNED_AT))
                .isEqualTo(Verdict.MISMATCH);
    }

    @Test
    void givenNoHeaders_whenVerified_thenMissing() {
        assertThat(SlackRequestSignature.verify(SECRET, null, SIGNATURE, BODY, SIGNED_AT)).isEqualTo(Verdict.MISSING);
        assertThat(SlackRequestSignature.verify(SECRET, TIMESTAMP, null, BODY, SIGNED_AT)).isEqualTo(Verdict.MISSING);
        assertThat(SlackRequestSignature.verify(SECRET, "yesterday", SIGNATURE, BODY, SIGNED_AT))
                .isEqualTo(Verdict.MISSING);
    }

    private static JsonNode vector() {
        try {
            return new ObjectMapper().readTree(resource("slack/constructed-wrapper-slack-docs-signing-vector.json"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = SlackRequestSignatureTest.class.getClassLoader().getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("missing test resource " + name, e);
        }
    }
}

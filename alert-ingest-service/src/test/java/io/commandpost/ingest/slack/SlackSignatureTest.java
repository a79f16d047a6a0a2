package io.commandpost.ingest.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.commandpost.events.EventJson;
import io.commandpost.ingest.support.Fixtures;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Slack's documented signing example (fixtures/slack, see SOURCES.md). */
class SlackSignatureTest {

    private static final byte[] BODY = Fixtures.bytes("slack/slack-docs-signing-vector.slash-command.body.txt");
    private static final JsonNode VECTOR = read("slack/constructed-wrapper-slack-docs-signing-vector.json");
    private static final String SECRET = VECTOR.path("signing_secret").asText();
    private static final String TIMESTAMP = VECTOR.path("request_headers").path("X-Slack-Request-Timestamp").asText();
    private static final String SIGNATURE = VECTOR.path("request_headers").path("X-Slack-Signature").asText();

    @Test
    void verifiesSlacksExampleWithTheClockPinnedToItsTimestamp() {
        SlackSignature signature = new SlackSignature(SECRET, clockAt(Long.parseLong(TIMESTAMP)));

        assertThat(signature.verify(TIMESTAMP, SIGNATURE, BODY)).isEqualTo(SlackSignature.Verdict.VALID);
    }

    @Test
    void refusesTheSameRequestAsAReplayWithTodaysClock() {
        SlackSignature signature = new SlackSignature(SECRET, Clock.systemUTC());

        assertThat(signature.verify(TIMESTAMP, SIGNATURE, BODY)).isEqualTo(SlackSignature.Verdict.STALE);
    }

    @Test
    void acceptsUpToFiveMinutesOfSkewAndNoMore() {
        long ts = Long.parseLong(TIMESTAMP);

        assertThat(new SlackSignature(SECRET, clockAt(ts + 300)).verify(TIMESTAMP, SIGNATURE, BODY))
                .isEqualTo(SlackSignature.Verdict.VALID);
        assertThat(new SlackSignature(SECRET, clockAt(ts - 301)).verify(TIMESTAMP, SIGNATURE, BODY))
                .isEqualTo(SlackSignature.Verdict.STALE);
    }

    @Test
    void refusesABodyChangedByOneByte() {
        byte[] tampered = Arrays.copyOf(BODY, BODY.length);
        tampered[tampered.length - 1] ^= 1;

        assertThat(new SlackSignature(SECRET, clockAt(Long.parseLong(TIMESTAMP))).verify(TIMESTAMP, SIGNATURE, tampered))
                .isEqualTo(SlackSignature.Verdict.MISMATCH);
    }

    @Test
    void refusesMissingHeaders() {
        SlackSignature signature = new SlackSignature(SECRET, clockAt(Long.parseLong(TIMESTAMP)));

        assertThat(signature.verify(null, SIGNATURE, BODY)).isEqualTo(SlackSignature.Verdict.MISSING);
        assertThat(signature.verify(TIMESTAMP, null, BODY)).isEqualTo(SlackSignature.Verdict.MISSING);
        assertThat(signature.verify("yesterday", SIGNATURE, BODY)).isEqualTo(SlackSignature.Verdict.MISSING);
    }

    private static Clock clockAt(long epochSecond) {
        return Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
    }

    private static JsonNode read(String fixture) {
        try {
            return EventJson.mapper().readTree(Fixtures.bytes(fixture));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

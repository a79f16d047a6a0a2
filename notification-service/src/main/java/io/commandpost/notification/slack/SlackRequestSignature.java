package io.commandpost.notification.slack;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's request signing (v0), pure: {@code v0=hex(HMAC-SHA256(signing secret, "v0:" + timestamp + ":" + raw
 * body))} over the body bytes exactly as received, refused when the timestamp is more than five minutes from now
 * (replays). Constant-time comparison. (alert-ingest checks slash commands the same way.)
 */
public final class SlackRequestSignature {

    public static final String TIMESTAMP_HEADER = "X-Slack-Request-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Slack-Signature";
    public static final long MAX_SKEW_SECONDS = 300;

    public enum Verdict { VALID, MISSING, STALE, MISMATCH }

    private SlackRequestSignature() {
    }

    public static Verdict verify(String signingSecret, String timestampHeader, String signatureHeader, byte[] body,
                                 Instant now) {
        if (timestampHeader == null || signatureHeader == null) {
            return Verdict.MISSING;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.trim());
        } catch (NumberFormatException e) {
            return Verdict.MISSING;
        }
        if (Math.abs(now.getEpochSecond() - timestamp) > MAX_SKEW_SECONDS) {
            return Verdict.STALE;
        }
        byte[] expected = sign(signingSecret, timestamp, body).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, signatureHeader.trim().getBytes(StandardCharsets.UTF_8))
                ? Verdict.VALID : Verdict.MISMATCH;
    }

    /** The {@code X-Slack-Signature} value Slack sends for this body at this timestamp. */
    public static String sign(String signingSecret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    }
}

package io.commandpost.ingest.slack;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's request signing (v0): {@code v0=hex(HMAC-SHA256(secret, "v0:" + timestamp + ":" + raw body))}
 * over the body bytes exactly as received, refused when the timestamp is more than five minutes
 * from now (replay). The comparison is constant-time.
 */
public final class SlackSignature {

    public static final long MAX_SKEW_SECONDS = 300;

    private final byte[] signingSecret;
    private final Clock clock;

    public SlackSignature(String signingSecret, Clock clock) {
        this.signingSecret = signingSecret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    public enum Verdict { VALID, MISSING, STALE, MISMATCH }

    public Verdict verify(String timestampHeader, String signatureHeader, byte[] body) {
        if (timestampHeader == null || signatureHeader == null) {
            return Verdict.MISSING;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.trim());
        } catch (NumberFormatException e) {
            return Verdict.MISSING;
        }
        if (Math.abs(clock.instant().getEpochSecond() - timestamp) > MAX_SKEW_SECONDS) {
            return Verdict.STALE;
        }
        byte[] expected = ("v0=" + HexFormat.of().formatHex(hmac(timestamp, body))).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, signatureHeader.trim().getBytes(StandardCharsets.UTF_8))
                ? Verdict.VALID : Verdict.MISMATCH;
    }

    private byte[] hmac(long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingSecret, "HmacSHA256"));
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    }
}

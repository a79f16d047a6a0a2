package io.commandpost.ingest.integration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Integration secrets: 32 random bytes, URL-safe base64, stored and compared only as SHA-256 hashes. */
public final class IntegrationToken {

    static final int RANDOM_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private IntegrationToken() {
    }

    public static String generate() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Constant-time in the content of the hashes: no early exit on the first differing byte. */
    public static boolean sameHash(byte[] expected, byte[] presented) {
        return MessageDigest.isEqual(expected, presented);
    }
}

package io.commandpost.ingest.alertmanager;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Alertmanager's own alert fingerprint (Prometheus {@code model.LabelSet.Fingerprint}): FNV-1a 64
 * over the label names in byte order, each name and value followed by the 0xff separator, printed
 * as 16 hex digits. Used when an old sender omits {@code fingerprint}, so the key stays stable
 * across deliveries and equals what a newer Alertmanager would have sent.
 */
public final class LabelFingerprint {

    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;
    private static final byte SEPARATOR = (byte) 0xff;

    private LabelFingerprint() {
    }

    public static String of(Map<String, String> labels) {
        // Java's String order equals UTF-8 byte order for everything outside the surrogate range;
        // label names are [a-zA-Z_][a-zA-Z0-9_]* anyway
        long hash = OFFSET;
        for (Map.Entry<String, String> label : new TreeMap<>(labels).entrySet()) {
            hash = add(hash, label.getKey().getBytes(StandardCharsets.UTF_8));
            hash = add(hash, label.getValue().getBytes(StandardCharsets.UTF_8));
        }
        return String.format("%016x", hash);
    }

    private static long add(long hash, byte[] bytes) {
        for (byte b : bytes) {
            hash ^= b & 0xff;
            hash *= PRIME;
        }
        hash ^= SEPARATOR & 0xff;
        hash *= PRIME;
        return hash;
    }
}

package io.commandpost.platform.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system clock plus an offset in milliseconds read from a file (a whole-system test's hook: it writes the
 * file to move every service's "now" at once). The file is looked at again at most every 20 ms; a missing or
 * unreadable file keeps the last offset read (zero at first).
 */
final class OffsetFileClock extends Clock {

    private static final long RECHECK_NANOS = 20_000_000L;

    private final Path file;
    private volatile long offsetMillis;
    private volatile long checkedAtNanos = System.nanoTime() - RECHECK_NANOS;

    OffsetFileClock(Path file) {
        this.file = file;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** Only UTC: every service works in instants. */
    @Override
    public Clock withZone(ZoneId zone) {
        if (!ZoneOffset.UTC.equals(zone)) {
            throw new UnsupportedOperationException("the offset clock runs in UTC only");
        }
        return this;
    }

    @Override
    public Instant instant() {
        long now = System.nanoTime();
        if (now - checkedAtNanos >= RECHECK_NANOS) {
            checkedAtNanos = now;
            try {
                offsetMillis = Long.parseLong(Files.readString(file).strip());
            } catch (IOException | NumberFormatException e) {
                // keep the last offset: the test is rewriting the file
            }
        }
        return Instant.now().plusMillis(offsetMillis);
    }
}

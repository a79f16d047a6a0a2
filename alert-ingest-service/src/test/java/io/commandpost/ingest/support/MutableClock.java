package io.commandpost.ingest.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's clock in tests: the system clock, unless a test pins it to an instant or moves
 * it ahead. Tests share one application, so each test that changes it calls {@link #reset()} after.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class MutableClock extends Clock {

    private volatile Instant pinned;
    private volatile Duration ahead = Duration.ZERO;

    public void pin(Instant instant) {
        pinned = instant;
    }

    public void advance(Duration duration) {
        ahead = ahead.plus(duration);
    }

    public void reset() {
        pinned = null;
        ahead = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        Instant fixed = pinned;
        return fixed != null ? fixed : Clock.systemUTC().instant().plus(ahead);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }
}

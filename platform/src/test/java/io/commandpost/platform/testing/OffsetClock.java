package io.commandpost.platform.testing;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The application's clock in tests: real time plus an offset a test can only push forward (a clock jump,
 * as after downtime). Time keeps passing, so the timer worker's sleeps behave as in production.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class OffsetClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public Instant jump(Duration forward) {
        if (forward.isNegative()) {
            throw new IllegalArgumentException("tests share the clock: move it forward only");
        }
        offset.updateAndGet(current -> current.plus(forward));
        return instant();
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
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

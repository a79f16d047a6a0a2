package io.commandpost.platform.config;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;

/**
 * The one source of "now" for every service; tests replace it with a fixed or mutable clock, and whole-system
 * tests move it with {@code commandpost.clock.offset-file} ({@link OffsetFileClock}). It ticks in microseconds, the
 * precision PostgreSQL keeps: an instant a service decides (a handover's time, say) is then the same in its events,
 * its tables and every other service's, and a comparison at that very instant agrees everywhere.
 */
@ApplicationScoped
public class ClockProducer {

    private static final Duration MICROSECOND = Duration.ofNanos(1_000);

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock(PlatformConfig config) {
        Clock base = config.clock().offsetFile().<Clock>map(OffsetFileClock::new).orElseGet(Clock::systemUTC);
        return Clock.tick(base, MICROSECOND);
    }
}

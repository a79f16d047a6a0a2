package io.commandpost.platform.config;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * The one source of "now" for every service; tests replace it with a fixed or mutable clock, and whole-system
 * tests move it with {@code commandpost.clock.offset-file} ({@link OffsetFileClock}).
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock(PlatformConfig config) {
        return config.clock().offsetFile().<Clock>map(OffsetFileClock::new).orElseGet(Clock::systemUTC);
    }
}

package io.commandpost.rotation.shift;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code rotation.handoff.*}: how the handoff job runs. */
@ConfigMapping(prefix = "rotation.handoff")
public interface HandoffSettings {

    /** Whether the scheduler runs the job (tests call it by hand). */
    @WithDefault("true")
    boolean enabled();

    /** How often the job runs (read by the scheduler expression). */
    @WithDefault("10s")
    String every();

    /** A shift started later than this after its planned start is flagged late. */
    @WithDefault("1m")
    Duration lateAfter();
}

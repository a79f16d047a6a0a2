package io.commandpost.rotation.handover;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code rotation.handover.*}. */
@ConfigMapping(prefix = "rotation.handover")
public interface HandoverSettings {

    /** How long the receiver has to accept before a reminder event goes out. */
    @WithDefault("30m")
    Duration acceptWithin();

    /** Whether the scheduler runs the overdue check (tests call it by hand). */
    @WithDefault("true")
    boolean overdueCheckEnabled();

    /** How often the overdue check runs (read by the scheduler expression). */
    @WithDefault("30s")
    String overdueCheckEvery();
}

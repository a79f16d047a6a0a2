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
}

package io.commandpost.rotation.shift;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code rotation.handoff.*}. */
@ConfigMapping(prefix = "rotation.handoff")
public interface HandoffSettings {

    /** A shift started later than this after its planned start is flagged late. */
    @WithDefault("1m")
    Duration lateAfter();
}

package io.commandpost.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SystemOptionsTest {

    private static final Path ROOT = Path.of("/tmp/commandpost");

    @Test
    void startUpMayTakeTenMinutesUnlessTheEnvironmentSaysOtherwise() {
        assertThat(SystemOptions.fromEnvironment(ROOT, Map.of()).readyTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(SystemOptions.fromEnvironment(ROOT, Map.of("COMMANDPOST_READY_TIMEOUT", "900")).readyTimeout())
                .isEqualTo(Duration.ofSeconds(900));
        assertThat(SystemOptions.fromEnvironment(ROOT, Map.of("COMMANDPOST_READY_TIMEOUT", " PT20M ")).readyTimeout())
                .isEqualTo(Duration.ofMinutes(20));
    }

    @Test
    void anUnreadableOrNonPositiveReadyTimeoutIsRefusedByName() {
        assertThatThrownBy(() -> SystemOptions.fromEnvironment(ROOT, Map.of("COMMANDPOST_READY_TIMEOUT", "ten minutes")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("COMMANDPOST_READY_TIMEOUT");
        assertThatThrownBy(() -> SystemOptions.fromEnvironment(ROOT, Map.of("COMMANDPOST_READY_TIMEOUT", "0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    }
}

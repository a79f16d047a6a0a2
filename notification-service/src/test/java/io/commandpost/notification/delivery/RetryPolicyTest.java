package io.commandpost.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(2), Duration.ofSeconds(10));

    @ParameterizedTest(name = "after {0} failed attempts wait {1}s")
    @CsvSource({"1, 2", "2, 4", "3, 8", "4, 10", "40, 10"})
    void doublesTheBackoffUpToItsCap(int failedAttempts, long seconds) {
        assertThat(policy.delayAfter(failedAttempts)).isEqualTo(Duration.ofSeconds(seconds));
    }

    @ParameterizedTest(name = "{0} attempts exhausted: {1}")
    @CsvSource({"1, false", "4, false", "5, true", "6, true"})
    void givesUpAfterMaxAttempts(int attempts, boolean exhausted) {
        assertThat(policy.exhausted(attempts)).isEqualTo(exhausted);
    }
}

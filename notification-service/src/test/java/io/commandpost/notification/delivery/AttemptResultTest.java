package io.commandpost.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AttemptResultTest {

    @ParameterizedTest(name = "HTTP {0}: delivered {1}, retryable {2}")
    @CsvSource({"200, true, false", "204, true, false", "500, false, true", "503, false, true",
            "429, false, true", "408, false, true", "400, false, false", "401, false, false", "404, false, false",
            "302, false, false"})
    void classifiesReceiverAnswers(int status, boolean delivered, boolean retryable) {
        AttemptResult result = AttemptResult.ofStatus(status);
        assertThat(result.delivered()).isEqualTo(delivered);
        assertThat(result.retryable()).isEqualTo(retryable);
    }
}

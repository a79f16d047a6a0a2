package io.commandpost.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "2020-02-06T00:17:58.432911368Z,     2020-02-06T00:17:58.432911368Z",
            "2023-02-06T13:08:45.828Z,           2023-02-06T13:08:45.828Z",
            "2021-10-12T09:51:03.157076+02:00,   2021-10-12T07:51:03.157076Z",
            "2015-07-17T08:42:58.315+0000,       2015-07-17T08:42:58.315Z",
            "2015-07-17T08:42:58+0530,           2015-07-17T03:12:58Z",
            "2015-07-17 08:42:58Z,               2015-07-17T08:42:58Z",
            "2015-07-17t08:42:58z,               2015-07-17T08:42:58Z"})
    void readsTheVariantsSendersUse(String sent, String expected) {
        assertThat(Timestamps.parse(sent, "/t")).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"0001-01-01T00:00:00Z", "  "})
    void goZeroTimeAndAbsenceMeanUnset(String sent) {
        assertThat(Timestamps.parse(sent, "/t")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2015-07-17", "2015-07-17T08:42:58", "2015-13-17T08:42:58Z"})
    void rejectsWhatIsNotATimestampNamingThePointer(String sent) {
        assertThatThrownBy(() -> Timestamps.parse(sent, "/alerts/0/startsAt"))
                .isInstanceOf(RejectedBodyException.class)
                .satisfies(e -> assertThat(((RejectedBodyException) e).problem().errors())
                        .extracting("pointer").containsExactly("/alerts/0/startsAt"));
    }
}

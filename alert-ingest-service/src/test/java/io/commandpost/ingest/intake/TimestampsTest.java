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
    @ValueSource(strings = {"yesterday", "2015-07-17", "2015-13-17T08:42:58Z", "-1", "1e9", "12345678901234",
            "1.", "2016-12-31T23:59:61Z"})
    void rejectsWhatIsNotATimestampNamingThePointer(String sent) {
        assertThatThrownBy(() -> Timestamps.parse(sent, "/alerts/0/startsAt"))
                .isInstanceOf(RejectedBodyException.class)
                .satisfies(e -> assertThat(((RejectedBodyException) e).problem().errors())
                        .extracting("pointer").containsExactly("/alerts/0/startsAt"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "2016-12-31T23:59:60Z,            2016-12-31T23:59:59.999999999Z",
            "2016-12-31T23:59:60.5Z,          2016-12-31T23:59:59.999999999Z",
            "2016-12-31T18:59:60-05:00,       2016-12-31T23:59:59.999999999Z",
            "1765100000,                      2025-12-07T09:33:20Z",
            "1765100000.25,                   2025-12-07T09:33:20.25Z",
            "1765100000123,                   2025-12-07T09:33:20.123Z"})
    void acceptsLeapSecondsAndEpochNumbers(String sent, String expected) {
        assertThat(Timestamps.parse(sent, "/t")).isEqualTo(Instant.parse(expected));
    }

    @org.junit.jupiter.api.Test
    void readsATimeWithoutAZoneAsUtcAndSaysSo() {
        java.util.List<String> readAsUtc = new java.util.ArrayList<>();

        assertThat(Timestamps.parse("2015-07-17T08:42:58", "/alerts/0/startsAt", readAsUtc))
                .isEqualTo(Instant.parse("2015-07-17T08:42:58Z"));
        assertThat(Timestamps.parse("2015-07-17 08:42:58.5", "/alerts/0/endsAt", readAsUtc))
                .isEqualTo(Instant.parse("2015-07-17T08:42:58.5Z"));
        assertThat(Timestamps.parse("2015-07-17T08:42:58Z", "/alerts/1/startsAt", readAsUtc)).isNotNull();

        assertThat(readAsUtc).containsExactly("/alerts/0/startsAt", "/alerts/0/endsAt");
    }

    @org.junit.jupiter.api.Test
    void theQuickWayForUtcTimestampsReadsWhatTheFormatterReads() {
        java.util.Random random = new java.util.Random(42);
        java.time.format.DateTimeFormatter seconds = java.time.format.DateTimeFormatter
                .ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(java.time.ZoneOffset.UTC);
        for (int i = 0; i < 5_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_167_219_200L, 253_402_300_799L),
                    random.nextInt(1_000_000_000));
            int fractionDigits = random.nextInt(10);
            String nanos = String.format("%09d", instant.getNano());
            String text = seconds.format(instant)
                    + (fractionDigits == 0 ? "" : "." + nanos.substring(0, fractionDigits)) + "Z";
            assertThat(Timestamps.parseCanonicalUtc(text)).as(text)
                    .isEqualTo(java.time.OffsetDateTime.parse(text).toInstant());
        }
        assertThat(Timestamps.parseCanonicalUtc("2015-07-17T08:42:58.Z")).isNull();
        assertThat(Timestamps.parseCanonicalUtc("2015-02-29T08:42:58Z")).isNull();
        assertThat(Timestamps.parseCanonicalUtc("2015-07-17T24:00:00Z")).isNull();
        assertThat(Timestamps.parseCanonicalUtc("2015-07-17T08:42:58+0000")).isNull();
    }
}

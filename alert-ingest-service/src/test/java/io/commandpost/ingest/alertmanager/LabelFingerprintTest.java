package io.commandpost.ingest.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelFingerprintTest {

    @Test
    void equalsTheFingerprintARealAlertmanagerSent() {
        // labels and fingerprint of the first alert in the zulip fixture, as Alertmanager computed it
        Map<String, String> labels = Map.of("alertname", "High CPU Temperature", "host", "andromeda",
                "severity", "critical");

        assertThat(LabelFingerprint.of(labels)).isEqualTo("a1bc48475b20e73d");
    }

    @Test
    void doesNotDependOnTheOrderOfTheLabels() {
        Map<String, String> forward = new LinkedHashMap<>();
        forward.put("a", "1");
        forward.put("b", "2");
        Map<String, String> backward = new LinkedHashMap<>();
        backward.put("b", "2");
        backward.put("a", "1");

        assertThat(LabelFingerprint.of(forward)).isEqualTo(LabelFingerprint.of(backward));
    }

    @Test
    void separatesNamesFromValues() {
        assertThat(LabelFingerprint.of(Map.of("ab", "c"))).isNotEqualTo(LabelFingerprint.of(Map.of("a", "bc")));
    }

    @Test
    void keepsLabelValuesByteForByte() {
        // "é" precomposed vs "e" + combining accent: no Unicode normalisation, so two different alerts
        assertThat(LabelFingerprint.of(Map.of("host", "caf\u00e9")))
                .isNotEqualTo(LabelFingerprint.of(Map.of("host", "cafe\u0301")));
    }
}

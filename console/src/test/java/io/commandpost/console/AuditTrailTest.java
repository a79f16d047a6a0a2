package io.commandpost.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.commandpost.console.audit.AuditTrail;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditTrailTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode audit(String... entries) throws Exception {
        return JSON.readTree("[" + String.join(",", entries) + "]");
    }

    private static String entry(String at, String what) {
        return "{\"at\":\"" + at + "\",\"actor\":\"alice\",\"what\":\"" + what + "\",\"aggregateType\":\"config\","
                + "\"aggregateId\":\"c-1\",\"team\":\"demo\",\"data\":{\"summary\":\"" + what + " summary\"}}";
    }

    private static Map<String, JsonNode> answers() throws Exception {
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        answers.put("rotation", audit(entry("2026-12-07T10:05:00Z", "r2"), entry("2026-12-07T10:01:00Z", "r1")));
        answers.put("incident", audit(entry("2026-12-07T10:04:00.500Z", "i2"), entry("2026-12-07T10:02:00Z", "i1")));
        answers.put("notification", audit());
        answers.put("alert-ingest", audit(entry("2026-12-07T10:03:00Z", "a1"), "{\"at\":\"not a time\"}"));
        return answers;
    }

    @Test
    void mergesTheServicesNewestFirst() throws Exception {
        AuditTrail.Page page = AuditTrail.page(answers(), 1, 10);

        assertThat(page.entries()).extracting(AuditTrail.Entry::what).containsExactly("r2", "i2", "a1", "i1", "r1");
        assertThat(page.entries()).extracting(AuditTrail.Entry::service)
                .containsExactly("rotation", "incident", "alert-ingest", "incident", "rotation");
        AuditTrail.Entry first = page.entries().get(0);
        assertThat(first.summary()).isEqualTo("r2 summary");
        assertThat(first.aggregate()).isEqualTo("config c-1");
        assertThat(first.time()).isEqualTo("2026-12-07T10:05:00Z");
        assertThat(page.hasOlder()).isFalse();
        assertThat(page.hasNewer()).isFalse();
    }

    @Test
    void cutsPagesAndSaysWhetherOlderOnesExist() throws Exception {
        AuditTrail.Page second = AuditTrail.page(answers(), 2, 2);
        assertThat(second.entries()).extracting(AuditTrail.Entry::what).containsExactly("a1", "i1");
        assertThat(second.hasNewer()).isTrue();
        assertThat(second.hasOlder()).isTrue();

        AuditTrail.Page third = AuditTrail.page(answers(), 3, 2);
        assertThat(third.entries()).extracting(AuditTrail.Entry::what).containsExactly("r1");
        assertThat(third.hasOlder()).isFalse();
        assertThat(AuditTrail.page(answers(), 9, 2).entries()).isEmpty();
        assertThat(AuditTrail.wanted(2, 50)).as("one more than the page reaches, to know an older page exists")
                .isEqualTo(101);
    }
}

package io.commandpost.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class CloudEventHeadersTest {

    static Stream<DomainEvent> events() {
        return SampleEvents.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void theHeadersOfAnEnvelopesJsonAreThoseOfTheEnvelope(DomainEvent event) {
        EventEnvelope envelope = SampleEvents.envelope(event, 4);

        assertThat(text(CloudEventHeaders.ofJson(EventJson.toBytes(envelope))))
                .containsExactlyEntriesOf(text(CloudEventHeaders.of(envelope)));
    }

    @Test
    void fieldsAfterTheDataAndAnEnvelopeWithoutCorrelationAreReadAsWell() throws Exception {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), "alert.opened", 1, "alert", "a-1", 0,
                Instant.parse("2026-12-08T03:00:00.123456Z"), null, null, "alert-ingest-service",
                EventJson.mapper().createObjectNode().put("nested", "{\"eventId\":\"x\"}"));
        ObjectNode reordered = EventJson.mapper().createObjectNode();
        reordered.set("data", EventJson.mapper().valueToTree(envelope).get("data"));
        reordered.setAll((ObjectNode) EventJson.mapper().valueToTree(envelope));

        Map<String, String> headers = text(CloudEventHeaders.ofJson(EventJson.mapper().writeValueAsBytes(reordered)));

        assertThat(headers).containsExactlyEntriesOf(text(CloudEventHeaders.of(envelope)))
                .doesNotContainKey(CloudEventHeaders.CORRELATION_ID)
                .containsEntry(CloudEventHeaders.TIME, "2026-12-08T03:00:00.123456Z");
    }

    @Test
    void jsonThatIsNoEnvelopeIsRefusedAsAnInvalidEnvelope() {
        assertThatThrownBy(() -> CloudEventHeaders.ofJson("[1]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventJson.InvalidEnvelopeException.class);
        assertThatThrownBy(() -> CloudEventHeaders.ofJson("{\"eventType\":\"alert.opened\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventJson.InvalidEnvelopeException.class);
        assertThatThrownBy(() -> CloudEventHeaders.ofJson("{\"eventId\":".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventJson.InvalidEnvelopeException.class);
    }

    private static Map<String, String> text(Map<String, byte[]> headers) {
        Map<String, String> text = new LinkedHashMap<>();
        headers.forEach((name, value) -> text.put(name, new String(value, StandardCharsets.UTF_8)));
        return text;
    }
}

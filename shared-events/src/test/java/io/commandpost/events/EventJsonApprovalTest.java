package io.commandpost.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Locks the wire form of every event. A failing test means the JSON contract changed: make the change
 * additive (or a new schema version with an upcaster) and approve the new file on purpose by copying
 * target/received/TYPE.json over src/test/resources/approved/TYPE.json.
 */
class EventJsonApprovalTest {

    static Stream<DomainEvent> events() {
        return SampleEvents.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void envelopeJsonMatchesTheApprovedFile(DomainEvent event) throws IOException {
        EventEnvelope envelope = SampleEvents.envelope(event, 7);
        String received = EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(envelope) + "\n";
        String name = envelope.eventType() + ".json";
        Path out = Path.of("target", "received", name);
        Files.createDirectories(out.getParent());
        Files.writeString(out, received);
        try (InputStream approved = getClass().getResourceAsStream("/approved/" + name)) {
            if (approved == null) {
                fail("no approved JSON for " + envelope.eventType() + "; review and approve " + out);
            }
            JsonNode expected = EventJson.mapper().readTree(new String(approved.readAllBytes(), StandardCharsets.UTF_8));
            assertThat(EventJson.mapper().readTree(received)).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void envelopeRoundTripsToTheSameEvent(DomainEvent event) {
        EventEnvelope envelope = SampleEvents.envelope(event, 3);

        EventEnvelope parsed = EventJson.fromBytes(EventJson.toBytes(envelope));

        assertThat(parsed).isEqualTo(envelope);
        assertThat(parsed.event()).contains(event);
        assertThat(parsed.topic()).isEqualTo(EventTypes.of(event).topic());
    }
}

package io.commandpost.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link EventJson#fromBytes} reads an envelope's data once, straight into its event, and gives what the tree gave. */
class EventJsonReadOnceTest {

    static Stream<DomainEvent> events() {
        return SampleEvents.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void theEventAndTheDataAreThoseTheTreeGave(DomainEvent event) throws Exception {
        byte[] bytes = EventJson.toBytes(SampleEvents.envelope(event, 5));
        EventEnvelope tree = EventJson.mapper().readValue(bytes, EventEnvelope.class);

        EventEnvelope once = EventJson.fromBytes(bytes);

        assertThat(once.readOnce()).isTrue();
        assertThat(tree.readOnce()).isFalse();
        assertThat(once.event()).contains(event).isEqualTo(tree.event());
        assertThat(once.data()).isEqualTo(tree.data());
        assertThat(once).isEqualTo(tree).hasSameHashCodeAs(tree).hasToString(tree.toString());
        assertThat(EventJson.toBytes(once)).isEqualTo(bytes);
    }

    @Test
    void fieldsTheEventDoesNotKnowStayInTheData() throws Exception {
        ObjectNode json = json(SampleEvents.all().get(0));
        ((ObjectNode) json.get("data")).put("addedLater", "by a newer producer");

        EventEnvelope parsed = EventJson.fromBytes(EventJson.mapper().writeValueAsBytes(json));

        assertThat(parsed.data().get("addedLater").asText()).isEqualTo("by a newer producer");
        assertThat(parsed.event()).contains(SampleEvents.all().get(0));
    }

    @Test
    void anEnvelopeWhoseDataComesBeforeItsTypeIsReadAsWell() throws Exception {
        DomainEvent event = SampleEvents.all().get(1);
        ObjectNode json = json(event);
        ObjectNode reordered = EventJson.mapper().createObjectNode();
        reordered.set("data", json.get("data"));
        reordered.setAll(json);

        EventEnvelope parsed = EventJson.fromBytes(EventJson.mapper().writeValueAsBytes(reordered));

        assertThat(parsed.readOnce()).isFalse();
        assertThat(parsed.event()).contains(event);
        assertThat(parsed).isEqualTo(SampleEvents.envelope(event, 7));
    }

    @Test
    void aTypeThisContractDoesNotKnowKeepsItsData() throws Exception {
        ObjectNode json = json(SampleEvents.all().get(0));
        json.put("eventType", "alert.from-the-future");

        EventEnvelope parsed = EventJson.fromBytes(EventJson.mapper().writeValueAsBytes(json));

        assertThat(parsed.event()).isEmpty();
        assertThat(parsed.data()).isEqualTo(json.get("data"));
    }

    @Test
    void dataThatDoesNotMatchItsTypeFailsWhenTheEventIsAskedFor() throws Exception {
        ObjectNode json = json(SampleEvents.all().get(0));
        ObjectNode data = (ObjectNode) json.get("data");
        String textField = firstTextField(data);
        data.putObject(textField).put("not", "text");

        EventEnvelope parsed = EventJson.fromBytes(EventJson.mapper().writeValueAsBytes(json));

        assertThat(parsed.data().get(textField).isObject()).isTrue();
        assertThatThrownBy(parsed::event).isInstanceOf(EventJson.InvalidEnvelopeException.class);
    }

    @Test
    void anEnvelopeWithoutDataOrWithADuplicateFieldIsInvalid() throws Exception {
        ObjectNode json = json(SampleEvents.all().get(0));
        json.remove("data");
        assertThatThrownBy(() -> EventJson.fromBytes(EventJson.mapper().writeValueAsBytes(json)))
                .isInstanceOf(EventJson.InvalidEnvelopeException.class);

        String valid = EventJson.toJson(SampleEvents.envelope(SampleEvents.all().get(0), 1));
        byte[] duplicate = valid.replaceFirst("\\{", "{\"eventType\":\"x\",").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> EventJson.fromBytes(duplicate))
                .isInstanceOf(EventJson.InvalidEnvelopeException.class);
    }

    private static ObjectNode json(DomainEvent event) {
        return EventJson.mapper().valueToTree(SampleEvents.envelope(event, 7));
    }

    private static String firstTextField(ObjectNode data) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = data.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isTextual()) {
                return field.getKey();
            }
        }
        throw new AssertionError("no text field in " + data);
    }
}

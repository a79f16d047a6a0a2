package io.commandpost.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class EventTypesTest {

    @Test
    void everyConcreteEventIsRegisteredWithATopicOfItsAggregate() {
        List<Class<?>> concrete = Arrays.stream(DomainEvent.class.getPermittedSubclasses())
                .flatMap(aggregate -> Stream.of(aggregate.getPermittedSubclasses()))
                .toList();

        assertThat(concrete).hasSize(EventTypes.ALL.size());
        for (Class<?> type : concrete) {
            @SuppressWarnings("unchecked")
            EventType registered = EventTypes.of((Class<? extends DomainEvent>) type);
            assertThat(Topics.ALL).contains(registered.topic());
            assertThat(registered.name()).startsWith(registered.aggregateType() + ".");
        }
    }

    @Test
    void sampleCoversEveryRegisteredType() {
        assertThat(SampleEvents.all().stream().map(EventTypes::of).distinct()).hasSameSizeAs(EventTypes.ALL);
    }

    @Test
    void unknownTypeNamesAreNotResolvedAndTheirDataIsKept() {
        EventEnvelope envelope = SampleEvents.envelope(SampleEvents.all().get(0), 1);
        EventEnvelope fromTheFuture = new EventEnvelope(envelope.eventId(), "alert.snoozed", 1, "alert",
                envelope.aggregateId(), 0, envelope.occurredAt(), null, null, "future", envelope.data());

        assertThat(fromTheFuture.event()).isEmpty();
        assertThat(EventJson.fromBytes(EventJson.toBytes(fromTheFuture)).data()).isEqualTo(envelope.data());
    }

    @Test
    void malformedEnvelopesAreRejectedAsInvalid() {
        for (String bad : List.of("not json", "{}", "{\"eventId\":\"x\"}", "[1,2]",
                "{\"eventId\":\"00000000-0000-4000-8000-000000000001\",\"eventType\":\"a\",\"eventType\":\"b\"}")) {
            assertThatThrownBy(() -> EventJson.fromBytes(bad.getBytes(StandardCharsets.UTF_8)))
                    .as(bad).isInstanceOf(EventJson.InvalidEnvelopeException.class);
        }
    }

    @Test
    void severitiesMapToPagerDutyStylePriorities() {
        Map<String, Priority> expected = Map.of("critical", Priority.P1, "error", Priority.P2,
                "warning", Priority.P3, "info", Priority.P5, "CRITICAL ", Priority.P1, "p4", Priority.P4);
        expected.forEach((severity, priority) -> assertThat(Priority.fromSeverity(severity)).contains(priority));
        assertThat(Priority.fromSeverity("whatever")).isEmpty();
        assertThat(Priority.fromSeverity(null)).isEmpty();
    }

    @Test
    void headersMirrorTheEnvelopeInCloudEventsNames() {
        EventEnvelope envelope = SampleEvents.envelope(SampleEvents.all().get(0), 1);

        Map<String, byte[]> headers = CloudEventHeaders.of(envelope);

        assertThat(new String(headers.get("ce_id"), StandardCharsets.UTF_8)).isEqualTo(envelope.eventId().toString());
        assertThat(new String(headers.get("ce_type"), StandardCharsets.UTF_8)).isEqualTo("alert.received");
        assertThat(new String(headers.get("ce_subject"), StandardCharsets.UTF_8)).isEqualTo("3f1c2a9b8d7e6f50");
    }
}

package io.commandpost.platform.eventing;

import io.commandpost.events.CloudEventHeaders;
import io.commandpost.events.EventEnvelope;
import io.commandpost.events.EventJson;
import org.apache.kafka.clients.producer.ProducerRecord;

/** How an envelope becomes a Kafka record: key = aggregate id, value = envelope JSON, ce_* headers. */
public final class KafkaRecords {

    private KafkaRecords() {
    }

    public static ProducerRecord<String, byte[]> of(EventEnvelope envelope) {
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(envelope.topic(), envelope.aggregateId(), EventJson.toBytes(envelope));
        addHeaders(record, envelope);
        return record;
    }

    static void addHeaders(ProducerRecord<String, byte[]> record, EventEnvelope envelope) {
        CloudEventHeaders.of(envelope).forEach((name, value) -> record.headers().add(name, value));
    }
}

package io.commandpost.platform.eventing;

import io.commandpost.events.EventEnvelope;
import io.commandpost.platform.config.PlatformConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * For services whose durable write is the Kafka produce itself (alert intake): returns only once
 * the broker acknowledged every record with acks=all, or throws {@link EventBusUnavailableException}.
 */
@ApplicationScoped
public class DurablePublisher {

    private final KafkaClients kafka;
    private final PlatformConfig config;

    DurablePublisher(KafkaClients kafka, PlatformConfig config) {
        this.kafka = kafka;
        this.config = config;
    }

    public List<RecordMetadata> publish(List<EventEnvelope> envelopes) {
        long deadline = System.nanoTime() + config.publish().ackTimeout().toNanos();
        List<Future<RecordMetadata>> acks = new ArrayList<>(envelopes.size());
        try {
            for (EventEnvelope envelope : envelopes) {
                acks.add(kafka.producer().send(KafkaRecords.of(envelope)));
            }
            List<RecordMetadata> metadata = new ArrayList<>(acks.size());
            for (Future<RecordMetadata> ack : acks) {
                metadata.add(ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            }
            return metadata;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventBusUnavailableException("interrupted while waiting for the broker", e);
        } catch (ExecutionException | TimeoutException | org.apache.kafka.common.KafkaException e) {
            throw new EventBusUnavailableException("the broker did not acknowledge: " + e, e);
        }
    }
}

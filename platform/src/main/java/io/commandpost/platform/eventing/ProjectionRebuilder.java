package io.commandpost.platform.eventing;

import io.commandpost.events.EventEnvelope;
import io.commandpost.events.EventJson;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Drops a projection and replays its topics from the beginning up to the end offsets seen at the
 * start, in one transaction. Its live consumer waits meanwhile (advisory lock) and then goes on
 * from its own offsets, skipping what the rebuild already applied.
 */
@ApplicationScoped
public class ProjectionRebuilder {

    private static final Logger LOG = Logger.getLogger(ProjectionRebuilder.class);

    private final Instance<Projection> projections;
    private final KafkaClients kafka;
    private final ProcessedEvents processed;

    ProjectionRebuilder(Instance<Projection> projections, KafkaClients kafka, ProcessedEvents processed) {
        this.projections = projections;
        this.kafka = kafka;
        this.processed = processed;
    }

    public record Result(String projection, long eventsApplied, long recordsRead, long millis) {
    }

    public List<String> names() {
        return projections.stream().map(Projection::name).sorted().toList();
    }

    public Optional<Projection> find(String name) {
        return projections.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Result rebuild(Projection projection) {
        long started = System.nanoTime();
        long[] counts = new long[2];
        try (KafkaConsumer<String, byte[]> reader = kafka.consumer(null)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : projection.topics()) {
                reader.partitionsFor(topic, Duration.ofSeconds(10))
                        .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = reader.endOffsets(partitions, Duration.ofSeconds(10));
            QuarkusTransaction.requiringNew().timeout(600).run(() -> {
                processed.lockExclusive(projection.name());
                projection.reset();
                processed.forget(projection.name());
                while (!reachedEnd(reader, end)) {
                    for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(500))) {
                        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                        if (record.offset() >= end.get(partition)) {
                            continue;
                        }
                        counts[1]++;
                        apply(projection, record).ifPresent(applied -> counts[0]++);
                    }
                }
            });
        }
        Result result = new Result(projection.name(), counts[0], counts[1],
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        LOG.infof("rebuilt projection %s: %d events applied from %d records in %d ms", result.projection(),
                result.eventsApplied(), result.recordsRead(), result.millis());
        return result;
    }

    private Optional<EventEnvelope> apply(Projection projection, ConsumerRecord<String, byte[]> record) {
        EventEnvelope envelope;
        try {
            envelope = EventJson.fromBytes(record.value());
        } catch (EventJson.InvalidEnvelopeException e) {
            return Optional.empty(); // dead-lettered by the live consumer; not part of the projection
        }
        if (!processed.claim(projection.name(), envelope.eventId())) {
            return Optional.empty();
        }
        projection.handle(envelope);
        return Optional.of(envelope);
    }

    private static boolean reachedEnd(KafkaConsumer<String, byte[]> reader, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> reader.position(e.getKey()) >= e.getValue());
    }
}

package io.commandpost.rotation;

import io.commandpost.events.EventEnvelope;
import io.commandpost.events.EventJson;
import io.commandpost.infra.test.TestKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/**
 * Reads a topic with this class loader's Kafka client. (TestKafka's record-returning helpers live
 * in the app class loader, so their ConsumerRecord clashes with the one a @QuarkusTest sees.)
 */
public final class TopicReader {

    private TopicReader() {
    }

    /** Waits until an envelope of {@code type} keyed {@code key} is on {@code topic}, and returns it. */
    public static EventEnvelope await(String topic, String key, String type) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> find(topic, key, type), Optional::isPresent).orElseThrow();
    }

    /** Waits until an envelope of {@code type} keyed {@code key} that matches {@code wanted} is on {@code topic}. */
    public static EventEnvelope await(String topic, String key, String type,
                                      java.util.function.Predicate<EventEnvelope> wanted) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> all(topic, key, type).stream().filter(wanted).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    static Optional<EventEnvelope> find(String topic, String key, String type) {
        return all(topic, key, type).stream().findFirst();
    }

    /** Every envelope of {@code type} keyed {@code key} on {@code topic} so far. */
    public static List<EventEnvelope> all(String topic, String key, String type) {
        List<EventEnvelope> found = new ArrayList<>();
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic, Duration.ofSeconds(10))
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    EventEnvelope envelope = EventJson.fromBytes(record.value());
                    if (key.equals(record.key()) && type.equals(envelope.eventType())) {
                        found.add(envelope);
                    }
                }
            }
            return found;
        }
    }
}

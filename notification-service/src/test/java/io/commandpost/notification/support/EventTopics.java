package io.commandpost.notification.support;

import static org.awaitility.Awaitility.await;

import io.commandpost.events.CloudEventHeaders;
import io.commandpost.events.EventEnvelope;
import io.commandpost.events.EventJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Produces and reads envelopes with Kafka clients of the test's own class loader. (local-infra's
 * TestKafka is loaded by the app class loader under @QuarkusTest, so passing it an EventEnvelope
 * fails with a LinkageError.)
 */
public final class EventTopics {

    private static KafkaProducer<String, byte[]> producer;

    private EventTopics() {
    }

    public static void produce(EventEnvelope envelope) {
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(envelope.topic(), envelope.aggregateId(), EventJson.toBytes(envelope));
        CloudEventHeaders.of(envelope).forEach((name, value) -> record.headers().add(name, value));
        try {
            producer().send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("broker did not ack " + envelope.eventType(), e);
        }
    }

    /** Waits until the topic holds an envelope matching the predicate, and returns it. */
    public static EventEnvelope awaitEnvelope(String topic, Predicate<EventEnvelope> predicate, Duration timeout) {
        List<EventEnvelope> found = new ArrayList<>();
        await().atMost(timeout).pollInterval(Duration.ofMillis(300)).until(() -> {
            readAll(topic).stream().filter(predicate).findFirst().ifPresent(found::add);
            return !found.isEmpty();
        });
        return found.get(0);
    }

    private static List<EventEnvelope> readAll(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            List<EventEnvelope> envelopes = new ArrayList<>();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> envelopes.add(EventJson.fromBytes(r.value())));
            }
            return envelopes;
        }
    }

    private static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
            producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    private static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}

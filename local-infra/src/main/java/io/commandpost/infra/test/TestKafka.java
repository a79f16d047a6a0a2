package io.commandpost.infra.test;

import io.commandpost.events.CloudEventHeaders;
import io.commandpost.events.EventEnvelope;
import io.commandpost.events.EventJson;
import io.commandpost.infra.KafkaInfra;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Drives and observes topics of the JVM's real broker from tests. */
public final class TestKafka {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final int PARTITIONS = 3;

    private static KafkaProducer<String, byte[]> producer;

    private TestKafka() {
    }

    public static String bootstrapServers() {
        return KafkaInfra.get().bootstrapServers();
    }

    /** Publishes like the platform does (key = aggregate id, ce_* headers) and waits for the ack. */
    public static RecordMetadata produce(EventEnvelope envelope) {
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(envelope.topic(), envelope.aggregateId(), EventJson.toBytes(envelope));
        CloudEventHeaders.of(envelope).forEach((name, value) -> record.headers().add(name, value));
        return send(record);
    }

    /** Publishes arbitrary bytes (e.g. a poison message) and waits for the ack. */
    public static RecordMetadata produceRaw(String topic, String key, byte[] value) {
        return send(new ProducerRecord<>(topic, key, value));
    }

    /** Every record of {@code topic} from the beginning to its end as of now (empty if the topic does not exist). */
    public static List<ConsumerRecord<String, byte[]>> consumeAll(String topic, Duration timeout) {
        try (KafkaConsumer<String, byte[]> consumer = newConsumer()) {
            List<TopicPartition> partitions = partitionsOf(consumer, topic, timeout);
            if (partitions.isEmpty()) {
                return List.of();
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!reached(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("read only " + records.size() + " records of " + topic
                            + " within " + timeout);
                }
                consumer.poll(POLL).forEach(records::add);
            }
            return records;
        }
    }

    /**
     * Re-reads {@code topic} until {@code count} records match, then returns the matching ones;
     * fails with what the topic held when the timeout passes.
     */
    public static List<ConsumerRecord<String, byte[]>> awaitRecords(
            String topic, Predicate<ConsumerRecord<String, byte[]>> predicate, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ConsumerRecord<String, byte[]>> all = List.of();
        while (System.nanoTime() < deadline) {
            all = consumeAll(topic, timeout);
            List<ConsumerRecord<String, byte[]>> matching = all.stream().filter(predicate).collect(Collectors.toList());
            if (matching.size() >= count) {
                return matching;
            }
            pause();
        }
        throw new AssertionError("expected " + count + " matching records on " + topic + " within " + timeout
                + " but the topic holds " + all.size() + " records: " + describe(all));
    }

    /** One matching record. */
    public static ConsumerRecord<String, byte[]> awaitRecord(
            String topic, Predicate<ConsumerRecord<String, byte[]>> predicate, Duration timeout) {
        return awaitRecords(topic, predicate, 1, timeout).get(0);
    }

    /** Same as {@link #awaitRecords(String, Predicate, int, Duration)} with a count of one. */
    public static List<ConsumerRecord<String, byte[]>> awaitRecords(
            String topic, Predicate<ConsumerRecord<String, byte[]>> predicate, Duration timeout) {
        return awaitRecords(topic, predicate, 1, timeout);
    }

    /** The envelope a record carries. */
    public static EventEnvelope envelope(ConsumerRecord<String, byte[]> record) {
        return EventJson.fromBytes(record.value());
    }

    /** A predicate on the record's envelope type ({@code ce_type} header). */
    public static Predicate<ConsumerRecord<String, byte[]>> ofType(String eventType) {
        return record -> {
            var header = record.headers().lastHeader(CloudEventHeaders.TYPE);
            return header != null && eventType.equals(new String(header.value(), java.nio.charset.StandardCharsets.UTF_8));
        };
    }

    /** Creates the topics that do not exist yet (3 partitions, replication 1). */
    public static void createTopics(String... names) {
        try (Admin admin = Admin.create(adminProperties())) {
            List<NewTopic> topics = Arrays.stream(names).map(name -> new NewTopic(name, PARTITIONS, (short) 1))
                    .collect(Collectors.toList());
            admin.createTopics(topics).values().forEach((name, future) -> {
                try {
                    future.get(ACK_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("could not create topic " + name, e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted creating topic " + name, e);
                } catch (TimeoutException e) {
                    throw new IllegalStateException("timed out creating topic " + name, e);
                }
            });
        }
    }

    /** The first offset the broker still holds of each partition of {@code topic}: above 0 once retention deleted. */
    public static Map<Integer, Long> earliestOffsets(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = newConsumer()) {
            List<TopicPartition> partitions = partitionsOf(consumer, topic, ACK_TIMEOUT);
            return consumer.beginningOffsets(partitions, ACK_TIMEOUT).entrySet().stream()
                    .collect(Collectors.toMap(entry -> entry.getKey().partition(), Map.Entry::getValue));
        }
    }

    /** The configs set on the topic itself (not inherited from the broker's defaults), by name. */
    public static Map<String, String> topicOwnConfigs(String topic) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        try (Admin admin = Admin.create(adminProperties())) {
            return admin.describeConfigs(List.of(resource)).all().get(ACK_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                    .get(resource).entries().stream()
                    .filter(entry -> entry.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG)
                    .collect(Collectors.toMap(ConfigEntry::name, ConfigEntry::value));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted describing topic " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not describe topic " + topic, e);
        }
    }

    /**
     * Stops the embedded broker (fails when the broker is not embedded, e.g. from the environment). Pair it
     * with {@link #startBroker()} in a finally block: the broker is shared by every test of the JVM.
     */
    public static void stopBroker() {
        KafkaInfra.get().stopBroker();
    }

    /** Starts the embedded broker again on the same port and waits until it serves. */
    public static void startBroker() {
        KafkaInfra.get().startBroker();
    }

    /** True when the broker runs in this JVM and so can be stopped by a test. */
    public static boolean brokerStoppable() {
        return KafkaInfra.get().brokerStoppable();
    }

    private static RecordMetadata send(ProducerRecord<String, byte[]> record) {
        try {
            return producer().send(record).get(ACK_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("broker did not ack a record for " + record.topic(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the ack", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no ack within " + ACK_TIMEOUT + " for " + record.topic(), e);
        }
    }

    private static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
            producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
            KafkaProducer<String, byte[]> created = producer;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> created.close(Duration.ofSeconds(2)),
                    "test-kafka-producer-shutdown"));
        }
        return producer;
    }

    private static KafkaConsumer<String, byte[]> newConsumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static Properties adminProperties() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return props;
    }

    private static List<TopicPartition> partitionsOf(KafkaConsumer<?, ?> consumer, String topic, Duration timeout) {
        Map<String, List<PartitionInfo>> topics = consumer.listTopics(timeout);
        List<PartitionInfo> partitions = topics.getOrDefault(topic, List.of());
        return partitions.stream().map(info -> new TopicPartition(topic, info.partition())).collect(Collectors.toList());
    }

    private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(entry -> consumer.position(entry.getKey()) >= entry.getValue());
    }

    /** Between two reads of a whole topic; a short park, not a test-level sleep. */
    private static void pause() {
        java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
    }

    private static String describe(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().limit(20)
                .map(r -> r.key() + "@" + r.partition() + ":" + r.offset())
                .collect(Collectors.joining(", ", "[", records.size() > 20 ? ", …]" : "]"));
    }
}

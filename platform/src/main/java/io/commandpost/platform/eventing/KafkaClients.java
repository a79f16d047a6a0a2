package io.commandpost.platform.eventing;

import io.commandpost.platform.config.PlatformConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The Kafka clients of a service. One idempotent producer (acks=all) shared by the outbox relay,
 * direct publishers and dead-lettering; consumers are made per loop.
 */
@ApplicationScoped
public class KafkaClients {

    private final String bootstrapServers;
    private final PlatformConfig config;
    private volatile KafkaProducer<String, byte[]> producer;

    KafkaClients(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, PlatformConfig config) {
        this.bootstrapServers = bootstrapServers;
        this.config = config;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public KafkaProducer<String, byte[]> producer() {
        KafkaProducer<String, byte[]> current = producer;
        if (current == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(producerProperties(), new StringSerializer(), new ByteArraySerializer());
                }
                current = producer;
            }
        }
        return current;
    }

    Properties producerProperties() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, config.serviceName() + "-producer");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, config.publish().maxInFlightRequests());
        props.put(ProducerConfig.LINGER_MS_CONFIG, (int) config.publish().linger().toMillis());
        // a webhook of 100 alerts is ~100 KB: fewer, larger batches per partition cost the broker less
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
        int ackMillis = (int) config.publish().ackTimeout().toMillis();
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, ackMillis);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1000, ackMillis / 2));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, ackMillis + 1);
        return props;
    }

    /** A consumer that commits by hand and reads only committed records. */
    public KafkaConsumer<String, byte[]> consumer(String groupId) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, config.serviceName() + "-" + UUID.randomUUID());
        if (groupId != null) {
            props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        }
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
        // the broker answers a fetch as soon as a record arrives (fetch.min.bytes=1); the wait only sets how
        // often an idle consumer asks again (default 500 ms: two fetches a second per consumer, for nothing)
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) config.consumers().pollTimeout().toMillis());
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        // a killed replica's partitions move to the survivors (or its restart) within seconds, not 45 s
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    public Admin admin() {
        return Admin.create(Map.of(
                "bootstrap.servers", bootstrapServers,
                "request.timeout.ms", 5000,
                "default.api.timeout.ms", 5000));
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}

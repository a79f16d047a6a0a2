package io.commandpost.platform.eventing;

import io.commandpost.events.CloudEventHeaders;
import io.commandpost.events.EventEnvelope;
import io.commandpost.events.EventJson;
import io.commandpost.events.Topics;
import io.commandpost.platform.config.PlatformConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Runs one {@link EventConsumer}: poll, apply the polled events in one transaction (each claimed by
 * its event id, so each is applied once; a consumer that may not wait in transactions of at most
 * {@code commandpost.consumers.prompt-batch} events), then commit offsets (at most once per commit interval). Records of
 * types the consumer does not accept are skipped unread; a consumer that may wait gathers records for a moment
 * after the first arrives, so one transaction applies more of them. When that batch fails, it is rolled
 * back and its events are applied one by one, each in its own transaction with bounded retries, and
 * what still fails is dead-lettered. A crash replays from the last commit, which the idempotency claim
 * turns into no-ops.
 */
final class ConsumerLoop implements Runnable {

    private static final Logger LOG = Logger.getLogger(ConsumerLoop.class);
    /** A gathering consumer stops polling for more once it holds this many records. */
    static final int GATHERED = 200;
    /** How long each extra poll of a gathering consumer waits for records already on their way. */
    private static final Duration GATHER_POLL = Duration.ofMillis(5);

    private final EventConsumer consumer;
    private final KafkaClients kafka;
    private final ProcessedEvents processed;
    private final PlatformConfig config;
    private final String group;
    private final ConsumerMetrics metrics;
    private volatile boolean running = true;
    private volatile KafkaConsumer<String, byte[]> client;

    ConsumerLoop(EventConsumer consumer, KafkaClients kafka, ProcessedEvents processed, PlatformConfig config,
                 ConsumerMetrics metrics) {
        this.consumer = consumer;
        this.metrics = metrics;
        this.kafka = kafka;
        this.processed = processed;
        this.config = config;
        this.group = config.serviceName() + "." + consumer.name();
    }

    @Override
    public void run() {
        long commitEvery = config.consumers().commitInterval().toNanos();
        while (running) {
            Map<TopicPartition, OffsetAndMetadata> applied = new HashMap<>();
            try (KafkaConsumer<String, byte[]> kafkaConsumer = kafka.consumer(group)) {
                client = kafkaConsumer;
                kafkaConsumer.subscribe(consumer.topics(), new CommitOnRevoke(kafkaConsumer, applied));
                long lastCommit = System.nanoTime();
                while (running) {
                    List<ConsumerRecord<String, byte[]>> records = poll(kafkaConsumer);
                    if (!records.isEmpty()) {
                        long polledAt = System.currentTimeMillis();
                        long applying = System.nanoTime();
                        List<ConsumerRecord<String, byte[]>> wanted = accepted(records);
                        wanted.forEach(record -> metrics.polled(group, record.timestamp(), polledAt));
                        // a consumer on the page path commits every few events, so what an event decided (a page's
                        // delivery) is not held back until a whole backlog's transaction commits
                        int most = consumer.mayWait() ? wanted.size() : Math.max(1, config.consumers().promptBatch());
                        for (int from = 0; from < wanted.size(); from += most) {
                            List<ConsumerRecord<String, byte[]>> part =
                                    wanted.subList(from, Math.min(wanted.size(), from + most));
                            if (!applyBatch(part)) {
                                for (ConsumerRecord<String, byte[]> record : part) {
                                    process(record);
                                }
                            }
                        }
                        if (!wanted.isEmpty()) {
                            metrics.applied(group, System.nanoTime() - applying);
                        }
                        for (ConsumerRecord<String, byte[]> record : records) {
                            applied.put(new TopicPartition(record.topic(), record.partition()),
                                    new OffsetAndMetadata(record.offset() + 1));
                        }
                    }
                    // Offsets of applied events are committed at most once per interval, or when the topic
                    // goes quiet: a crash replays the events since, which the idempotency claim skips.
                    if (!applied.isEmpty() && (records.isEmpty() || System.nanoTime() - lastCommit >= commitEvery)) {
                        kafkaConsumer.commitSync(applied);
                        applied.clear();
                        lastCommit = System.nanoTime();
                    }
                }
                if (!applied.isEmpty()) {
                    kafkaConsumer.commitSync(applied);
                }
            } catch (WakeupException e) {
                // stop() woke the poll; what was not committed is replayed (as no-ops) by the next owner
            } catch (Exception e) {
                if (running) {
                    LOG.errorf(e, "consumer %s failed; restarting from the last committed offsets", group);
                    pause(config.consumers().retryBackoff().multipliedBy(5));
                }
            }
        }
    }

    /**
     * One poll. For a consumer that may wait, once records came: also what arrives within the gather time after
     * them (a few more polls, up to {@link #GATHERED} records), keeping only partitions still assigned to us.
     */
    private List<ConsumerRecord<String, byte[]>> poll(KafkaConsumer<String, byte[]> kafkaConsumer) {
        ConsumerRecords<String, byte[]> first = kafkaConsumer.poll(config.consumers().pollTimeout());
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(first.count());
        first.forEach(records::add);
        Duration gather = config.consumers().gather();
        if (records.isEmpty() || !consumer.mayWait() || gather.isZero() || records.size() >= GATHERED) {
            return records;
        }
        pause(gather);
        long deadline = System.nanoTime() + gather.toNanos();
        while (running && records.size() < GATHERED && System.nanoTime() < deadline) {
            ConsumerRecords<String, byte[]> more = kafkaConsumer.poll(GATHER_POLL);
            if (more.isEmpty()) {
                break;
            }
            more.forEach(records::add);
        }
        Set<TopicPartition> assigned = kafkaConsumer.assignment();
        records.removeIf(record -> !assigned.contains(new TopicPartition(record.topic(), record.partition())));
        return records;
    }

    /** The records whose type the consumer accepts (by their {@code ce_type} header; no header: accepted). */
    private List<ConsumerRecord<String, byte[]>> accepted(List<ConsumerRecord<String, byte[]>> records) {
        List<ConsumerRecord<String, byte[]>> accepted = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            Header type = record.headers().lastHeader(CloudEventHeaders.TYPE);
            if (type == null || type.value() == null
                    || consumer.accepts(new String(type.value(), StandardCharsets.UTF_8))) {
                accepted.add(record);
            }
        }
        return accepted;
    }

    /** Commits what was applied of the partitions this consumer loses, so their next owner starts after it. */
    private record CommitOnRevoke(KafkaConsumer<String, byte[]> kafkaConsumer,
                                  Map<TopicPartition, OffsetAndMetadata> applied) implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            Map<TopicPartition, OffsetAndMetadata> revoked = new HashMap<>();
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata offset = applied.remove(partition);
                if (offset != null) {
                    revoked.put(partition, offset);
                }
            }
            if (!revoked.isEmpty()) {
                kafkaConsumer.commitSync(revoked);
            }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        }
    }

    void stop() {
        running = false;
        KafkaConsumer<String, byte[]> current = client;
        if (current != null) {
            current.wakeup();
        }
    }

    /**
     * Applies every polled event in one transaction: one commit (and one shared rebuild lock) per poll
     * instead of one per event. False, with nothing applied, when any event cannot be read or applied;
     * the caller then takes them one by one.
     */
    private boolean applyBatch(List<ConsumerRecord<String, byte[]>> records) {
        if (records.size() == 1) {
            return false; // the single-event path is the same work, with its retries
        }
        List<EventEnvelope> envelopes = new ArrayList<>(records.size());
        try {
            for (ConsumerRecord<String, byte[]> record : records) {
                envelopes.add(EventJson.fromBytes(record.value()));
            }
            QuarkusTransaction.requiringNew().run(() -> {
                processed.lockShared(consumer.name());
                Set<UUID> claimed = processed.claimAll(consumer.name(),
                        envelopes.stream().map(EventEnvelope::eventId).toList());
                for (EventEnvelope envelope : envelopes) {
                    // remove: a copy of the same event later in the batch is skipped like a replay
                    if (claimed.remove(envelope.eventId())) {
                        MDC.put("eventId", envelope.eventId().toString());
                        MDC.put("correlationId", String.valueOf(envelope.correlationId()));
                        consumer.handle(envelope);
                    }
                }
            });
            return true;
        } catch (Exception e) {
            LOG.debugf("consumer %s: a batch of %d failed (%s); applying its events one by one", group,
                    records.size(), e.toString());
            return false;
        } finally {
            MDC.remove("eventId");
            MDC.remove("correlationId");
        }
    }

    private void process(ConsumerRecord<String, byte[]> record) throws Exception {
        EventEnvelope envelope;
        try {
            envelope = EventJson.fromBytes(record.value());
        } catch (EventJson.InvalidEnvelopeException e) {
            deadLetter(record, e, 0);
            return;
        }
        MDC.put("eventId", envelope.eventId().toString());
        MDC.put("correlationId", String.valueOf(envelope.correlationId()));
        try {
            Exception last = null;
            int attempts = config.consumers().maxAttempts();
            for (int attempt = 1; attempt <= attempts; attempt++) {
                try {
                    applyOnce(envelope);
                    return;
                } catch (Exception e) {
                    last = e;
                    if (e instanceof EventJson.InvalidEnvelopeException) {
                        attempts = attempt;
                        break;
                    }
                    LOG.warnf("consumer %s: attempt %d/%d at %s failed: %s", group, attempt, attempts,
                            envelope.eventType(), e.toString());
                    pause(config.consumers().retryBackoff().multipliedBy(attempt));
                }
            }
            deadLetter(record, last, attempts);
        } finally {
            MDC.remove("eventId");
            MDC.remove("correlationId");
        }
    }

    private void applyOnce(EventEnvelope envelope) {
        QuarkusTransaction.requiringNew().run(() -> {
            processed.lockShared(consumer.name());
            if (processed.claim(consumer.name(), envelope.eventId())) {
                consumer.handle(envelope);
            }
        });
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, Exception reason, int attempts) throws Exception {
        String topic = Topics.deadLetter(config.serviceName());
        ProducerRecord<String, byte[]> dead = new ProducerRecord<>(topic, record.key(), record.value());
        record.headers().forEach(header -> dead.headers().add(header));
        addHeader(dead, "dlq_consumer", group);
        addHeader(dead, "dlq_topic", record.topic());
        addHeader(dead, "dlq_partition", Integer.toString(record.partition()));
        addHeader(dead, "dlq_offset", Long.toString(record.offset()));
        addHeader(dead, "dlq_attempts", Integer.toString(attempts));
        addHeader(dead, "dlq_reason", String.valueOf(reason));
        kafka.producer().send(dead).get(config.publish().ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
        LOG.errorf("consumer %s dead-lettered %s-%d@%d after %d attempts: %s", group, record.topic(),
                record.partition(), record.offset(), attempts, reason);
    }

    private static void addHeader(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

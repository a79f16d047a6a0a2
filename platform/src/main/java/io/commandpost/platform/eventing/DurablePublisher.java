package io.commandpost.platform.eventing;

import io.commandpost.events.EventEnvelope;
import io.commandpost.platform.config.PlatformConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * For services whose durable write is the Kafka produce itself (alert intake): returns only once
 * the broker acknowledged every record with acks=all, or throws {@link EventBusUnavailableException}.
 * {@link #publishAsync} is the same guarantee without a thread waiting for the acknowledgement.
 */
@ApplicationScoped
public class DurablePublisher {

    /**
     * A topic acknowledged this recently still has its metadata in the producer (which drops a topic
     * after {@code metadata.max.idle.ms}, 5 minutes, without sends), so a send to it does not wait for metadata.
     */
    static final long WARM_NANOS = TimeUnit.SECONDS.toNanos(60);

    /**
     * Larger requests are sent from {@code mayBlock}. {@code send} also blocks while the producer's buffer
     * ({@code buffer.memory}, 32 MiB) is full, as when the broker is away: inline sends of at most 64 KiB,
     * from at most the 256 requests an intake keeps in flight, fill half of it at most.
     */
    static final int INLINE_BYTES = 64 * 1024;

    private final KafkaClients kafka;
    private final PlatformConfig config;
    private final Map<String, Long> acknowledgedAt = new ConcurrentHashMap<>();

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
            acknowledged(envelopes.stream().map(EventEnvelope::topic).collect(Collectors.toSet()));
            return metadata;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventBusUnavailableException("interrupted while waiting for the broker", e);
        } catch (ExecutionException | TimeoutException | org.apache.kafka.common.KafkaException e) {
            throw new EventBusUnavailableException("the broker did not acknowledge: " + e, e);
        }
    }

    /**
     * Sends every record and completes once the broker acknowledged all of them (acks=all), or fails
     * with {@link EventBusUnavailableException} at the first refusal or after the ack timeout. Nothing
     * waits: the future completes on the producer's I/O thread (or the JDK's timer thread), so what
     * depends on it must be short.
     *
     * <p>{@code KafkaProducer.send} itself blocks (up to the ack timeout) while it has no metadata for a
     * topic, which is the case at its first use or when the broker was never reachable. The records are
     * therefore sent on the calling thread (an event loop) only when every topic was acknowledged within
     * the last minute and the request is small; otherwise from {@code mayBlock}.
     */
    public CompletableFuture<List<RecordMetadata>> publishAsync(List<EventEnvelope> envelopes, Executor mayBlock) {
        CompletableFuture<List<RecordMetadata>> acks = new CompletableFuture<>();
        if (envelopes.isEmpty()) {
            acks.complete(List.of());
            return acks;
        }
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(envelopes.size());
        Set<String> topics = new HashSet<>();
        long bytes = 0;
        for (EventEnvelope envelope : envelopes) {
            ProducerRecord<String, byte[]> record = KafkaRecords.of(envelope);
            records.add(record);
            topics.add(record.topic());
            bytes += record.value().length;
        }
        long now = System.nanoTime();
        boolean warm = topics.stream().allMatch(topic -> {
            Long acknowledged = acknowledgedAt.get(topic);
            return acknowledged != null && now - acknowledged < WARM_NANOS;
        });
        acks.thenRun(() -> acknowledged(topics));
        if (warm && bytes <= INLINE_BYTES) {
            send(records, acks);
        } else {
            try {
                mayBlock.execute(() -> send(records, acks));
            } catch (RuntimeException e) {
                acks.completeExceptionally(unavailable(e));
            }
        }
        long timeout = config.publish().ackTimeout().toNanos();
        return acks.orTimeout(timeout, TimeUnit.NANOSECONDS).exceptionallyCompose(error ->
                CompletableFuture.failedFuture(unavailable(error)));
    }

    /** Stamps topics the broker just acknowledged, once per request: they count as warm for a minute. */
    private void acknowledged(Set<String> topics) {
        long now = System.nanoTime();
        topics.forEach(topic -> acknowledgedAt.put(topic, now));
    }

    private EventBusUnavailableException unavailable(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof EventBusUnavailableException unavailable) {
            return unavailable;
        }
        if (cause instanceof TimeoutException) {
            return new EventBusUnavailableException("no acknowledgement from the broker within "
                    + config.publish().ackTimeout(), cause);
        }
        return new EventBusUnavailableException("the broker did not acknowledge: " + cause, cause);
    }

    private void send(List<ProducerRecord<String, byte[]>> records, CompletableFuture<List<RecordMetadata>> acks) {
        RecordMetadata[] received = new RecordMetadata[records.size()];
        AtomicInteger pending = new AtomicInteger(records.size());
        try {
            for (int i = 0; i < records.size() && !acks.isDone(); i++) {
                int index = i;
                kafka.producer().send(records.get(i), (metadata, error) -> {
                    if (error != null) {
                        acks.completeExceptionally(error);
                        return;
                    }
                    received[index] = metadata;
                    if (pending.decrementAndGet() == 0) {
                        acks.complete(Arrays.asList(received));
                    }
                });
            }
        } catch (RuntimeException e) {
            acks.completeExceptionally(e);
        }
    }
}

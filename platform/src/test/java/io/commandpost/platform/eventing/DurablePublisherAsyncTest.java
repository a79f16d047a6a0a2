package io.commandpost.platform.eventing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commandpost.events.EventEnvelope;
import io.commandpost.events.QuestionEvent;
import io.commandpost.platform.config.PlatformConfig;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The non-blocking publish against a broker address nobody listens on: the producer never gets metadata,
 * so its {@code send} blocks for the whole ack timeout. The caller (an event loop in the service) must not.
 */
class DurablePublisherAsyncTest {

    private static final Duration ACK_TIMEOUT = Duration.ofMillis(1500);

    private KafkaClients kafka;
    private DurablePublisher publisher;
    private ExecutorService workers;

    @BeforeEach
    void unreachableBroker() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        PlatformConfig config = config(ACK_TIMEOUT);
        kafka = new KafkaClients("127.0.0.1:" + port, config);
        publisher = new DurablePublisher(kafka, config);
        workers = Executors.newSingleThreadExecutor();
    }

    @AfterEach
    void close() throws InterruptedException {
        workers.shutdownNow();
        workers.awaitTermination(5, TimeUnit.SECONDS);
        kafka.close();
    }

    @Test
    void aTopicWithoutMetadataIsSentFromTheWorkerAndTheCallerDoesNotWait() {
        long started = System.nanoTime();
        List<Runnable> handedOver = new ArrayList<>();
        CompletableFuture<List<RecordMetadata>> acks = publisher.publishAsync(List.of(question()), handedOver::add);

        // the caller got its future back with the send still waiting for a worker: it did not send
        assertThat(handedOver).hasSize(1);
        assertThat(acks).isNotDone();
        workers.execute(handedOver.get(0));
        // bounded only so that a hang fails: a loaded machine may take seconds to make the producer
        assertThatThrownBy(() -> acks.get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(EventBusUnavailableException.class);
        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(ACK_TIMEOUT.toMillis() - 100);
    }

    @Test
    void aWorkerPoolThatRefusesTheSendIsAnUnavailableBusNotACrash() {
        CompletableFuture<List<RecordMetadata>> acks = publisher.publishAsync(List.of(question()), task -> {
            throw new RejectedExecutionException("pool closed");
        });

        assertThatThrownBy(() -> acks.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(EventBusUnavailableException.class);
    }

    @Test
    void nothingToPublishCompletesAtOnce() throws Exception {
        assertThat(publisher.publishAsync(List.of(), task -> {
            throw new AssertionError("nothing to send");
        }).get(0, TimeUnit.SECONDS)).isEmpty();
    }

    private static EventEnvelope question() {
        Instant now = Instant.parse("2026-12-07T08:00:00Z");
        return EventEnvelope.wrap(new QuestionEvent.QuestionAsked(UUID.randomUUID(), "payments", "api", "ann",
                "anyone?", null, now), 0, now, UUID.randomUUID(), UUID.randomUUID(), null, "test");
    }

    /** Only what the producer and the publisher read; everything else is not needed here. */
    private static PlatformConfig config(Duration ackTimeout) {
        PlatformConfig.Publish publish = (PlatformConfig.Publish) Proxy.newProxyInstance(
                PlatformConfig.class.getClassLoader(), new Class<?>[] {PlatformConfig.Publish.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "ackTimeout" -> ackTimeout;
                    case "linger" -> Duration.ZERO;
                    case "retryAfterSeconds" -> 5;
                    case "maxInFlightRequests" -> 5;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (PlatformConfig) Proxy.newProxyInstance(PlatformConfig.class.getClassLoader(),
                new Class<?>[] {PlatformConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "serviceName" -> "durable-publisher-test";
                    case "publish" -> publish;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}

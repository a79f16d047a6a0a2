package io.commandpost.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.commandpost.events.EventEnvelope;
import io.commandpost.events.QuestionEvent;
import io.commandpost.events.Topics;
import io.commandpost.infra.test.LocalInfraResource;
import io.commandpost.infra.test.TestKafka;
import io.commandpost.platform.eventing.DurablePublisher;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

/** The webhooks' non-blocking publish against the real broker. */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "commandpost_alert_ingest"))
class AsyncPublishIT {

    @Inject
    DurablePublisher publisher;

    @Test
    void aTopicTheProducerKnowsIsSentFromTheCallersThreadAndCompletesWithTheAcks() throws Exception {
        publisher.publish(List.of(question("first, blocking")));
        AtomicInteger offloaded = new AtomicInteger();
        EventEnvelope second = question("second, without waiting");

        List<RecordMetadata> acks = publisher.publishAsync(List.of(second), task -> {
            offloaded.incrementAndGet();
            task.run();
        }).get(10, TimeUnit.SECONDS);

        assertThat(offloaded).as("sends to a known topic stay on the caller's thread").hasValue(0);
        assertThat(acks).singleElement().satisfies(ack -> {
            assertThat(ack.topic()).isEqualTo(Topics.QUESTIONS);
            assertThat(ack.offset()).isNotNegative();
        });
        assertThat(TestKafka.consumeAll(Topics.QUESTIONS, Duration.ofSeconds(30)).stream().map(TestKafka::envelope)
                .map(EventEnvelope::eventId)).contains(second.eventId());
    }

    private static EventEnvelope question(String text) {
        Instant now = Instant.now();
        return EventEnvelope.wrap(new QuestionEvent.QuestionAsked(UUID.randomUUID(), "payments", "api", "ann", text,
                null, now), 0, now, UUID.randomUUID(), UUID.randomUUID(), null, "alert-ingest-service");
    }
}

package io.commandpost.ingest.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.commandpost.events.EventJson;
import io.commandpost.platform.config.PlatformConfig;
import io.commandpost.platform.eventing.EventBusUnavailableException;
import io.commandpost.platform.eventing.KafkaClients;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Accepted input that the event contract has no type for yet (PagerDuty acknowledge, change events),
 * kept durably on {@link IngestTopics#INFORMATIONAL}: a 202 still means "on the broker".
 */
@ApplicationScoped
public class InformationalRecords {

    private final KafkaClients kafka;
    private final PlatformConfig config;

    InformationalRecords(KafkaClients kafka, PlatformConfig config) {
        this.kafka = kafka;
        this.config = config;
    }

    public void record(String kind, IntakeContext context, String key, JsonNode body) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("kind", kind);
        value.put("team", context.team());
        value.put("integration", context.integrationId());
        value.put("key", key);
        value.put("receivedAt", context.receivedAt().toString());
        value.put("body", body);
        ProducerRecord<String, byte[]> record;
        try {
            record = new ProducerRecord<>(IngestTopics.INFORMATIONAL, key, EventJson.mapper().writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        record.headers().add("ce_type", kind.getBytes(StandardCharsets.UTF_8));
        try {
            kafka.producer().send(record).get(config.publish().ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventBusUnavailableException("interrupted while waiting for the broker", e);
        } catch (ExecutionException | TimeoutException | org.apache.kafka.common.KafkaException e) {
            throw new EventBusUnavailableException("the broker did not acknowledge: " + e, e);
        }
    }
}

package io.commandpost.ingest.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.commandpost.events.EventJson;
import io.commandpost.events.Topics;
import io.commandpost.platform.eventing.KafkaClients;
import io.commandpost.platform.http.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

/**
 * Keeps every authenticated webhook body that was refused, with the reason, on {@link #TOPIC} so an
 * operator can see it and replay it once the sender or the mapping is fixed. The topic is bounded
 * (created by the platform's TopicBootstrap) and each record carries at most {@link #MAX_BODY_BYTES} of the body.
 */
@ApplicationScoped
public class Quarantine {

    public static final String TOPIC = Topics.QUARANTINE;
    static final int MAX_BODY_BYTES = 256 * 1024;

    private static final Logger LOG = Logger.getLogger(Quarantine.class);

    private final KafkaClients kafka;
    private final IntakeMetrics metrics;
    private final Clock clock;

    Quarantine(KafkaClients kafka, IntakeMetrics metrics, Clock clock) {
        this.kafka = kafka;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Best effort and asynchronous: the sender gets its 4xx whether or not the copy could be kept. */
    public void keep(IntakeContext context, String format, String contentType, byte[] body, Problem reason) {
        keep(context, format, contentType, body, reason, Runnable::run);
    }

    /**
     * As {@link #keep(IntakeContext, String, String, byte[], Problem)}, with the send made from {@code sendOn}:
     * the producer's {@code send} waits for metadata the first time it sees the quarantine topic, which an
     * event loop must not do.
     */
    public void keep(IntakeContext context, String format, String contentType, byte[] body, Problem reason,
                     Executor sendOn) {
        metrics.count(context.integrationId(), IntakeMetrics.Outcome.QUARANTINED, 1);
        try {
            byte[] kept = body == null ? new byte[0] : body.length > MAX_BODY_BYTES
                    ? Arrays.copyOf(body, MAX_BODY_BYTES) : body;
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("receivedAt", clock.instant().toString());
            record.put("team", context.team());
            record.put("integration", context.integrationId());
            record.put("format", format);
            record.put("contentType", contentType);
            record.put("status", reason.status());
            record.put("reason", reason.detail());
            record.put("errors", reason.errors());
            record.put("bodyBytes", body == null ? 0 : body.length);
            record.put("truncated", kept.length != (body == null ? 0 : body.length));
            record.put("bodyBase64", Base64.getEncoder().encodeToString(kept));
            byte[] value = EventJson.mapper().writeValueAsBytes(record);
            ProducerRecord<String, byte[]> producerRecord = new ProducerRecord<>(TOPIC, context.integrationId(), value);
            producerRecord.headers().add("ce_type", "ingest.body-rejected".getBytes(StandardCharsets.UTF_8));
            sendOn.execute(() -> send(producerRecord, format, context.integrationId()));
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.warnf("could not quarantine a rejected %s body: %s", format, e.toString());
        }
    }

    private void send(ProducerRecord<String, byte[]> record, String format, String integrationId) {
        try {
            kafka.producer().send(record, (metadata, error) -> {
                if (error != null) {
                    LOG.warnf("could not quarantine a rejected %s body of integration %s: %s", format, integrationId,
                            error.toString());
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf("could not quarantine a rejected %s body: %s", format, e.toString());
        }
    }
}

package io.commandpost.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The one JSON form of events and envelopes: ISO-8601 instants, unknown fields tolerated. */
public final class EventJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new Jdk8Module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private EventJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] toBytes(EventEnvelope envelope) {
        try {
            return MAPPER.writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String toJson(EventEnvelope envelope) {
        return new String(toBytes(envelope), StandardCharsets.UTF_8);
    }

    /** Parses an envelope; a malformed one is an {@link InvalidEnvelopeException}. */
    public static EventEnvelope fromBytes(byte[] bytes) {
        try {
            EventEnvelope envelope = MAPPER.readValue(bytes, EventEnvelope.class);
            if (envelope == null || envelope.eventId() == null || envelope.eventType() == null
                    || envelope.aggregateId() == null || envelope.data() == null) {
                throw new InvalidEnvelopeException("envelope lacks eventId, eventType, aggregateId or data");
            }
            return envelope;
        } catch (java.io.IOException e) {
            throw new InvalidEnvelopeException("not an event envelope: " + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()), e);
        }
    }

    static <T> T treeToValue(JsonNode data, Class<T> type) {
        try {
            return MAPPER.treeToValue(data, type);
        } catch (JsonProcessingException e) {
            throw new InvalidEnvelopeException("data does not match " + type.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    /** Raised for bytes that are not a valid envelope: never retried, sent to the dead-letter topic. */
    public static final class InvalidEnvelopeException extends RuntimeException {
        public InvalidEnvelopeException(String message) {
            super(message);
        }

        public InvalidEnvelopeException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

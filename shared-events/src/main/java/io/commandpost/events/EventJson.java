package io.commandpost.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

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

    /** A reader per event class: its deserializer is looked up once, not at every envelope. */
    private static final Map<Class<?>, ObjectReader> READERS = new ConcurrentHashMap<>();

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

    /**
     * Parses an envelope; a malformed one is an {@link InvalidEnvelopeException}. When the envelope names its type
     * before its data (as {@link #toBytes} writes it) and the type is known, the data is read once, straight into
     * the typed event; its tree is built only if someone asks for {@link EventEnvelope#data()}.
     */
    public static EventEnvelope fromBytes(byte[] bytes) {
        EventEnvelope envelope;
        try {
            envelope = readOnce(bytes).orElseGet(() -> readWithTree(bytes));
        } catch (IOException | RuntimeException e) {
            // whatever the single pass could not read is read as before, with its error
            envelope = readWithTree(bytes);
        }
        if (envelope == null || envelope.eventId() == null || envelope.eventType() == null
                || envelope.aggregateId() == null || envelope.data() == null) {
            throw new InvalidEnvelopeException("envelope lacks eventId, eventType, aggregateId or data");
        }
        return envelope;
    }

    private static EventEnvelope readWithTree(byte[] bytes) {
        try {
            return MAPPER.readValue(bytes, EventEnvelope.class);
        } catch (IOException e) {
            throw new InvalidEnvelopeException("not an event envelope: " + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()), e);
        }
    }

    /**
     * One pass over the envelope's fields, its data read as the type named before it. Empty when the data comes
     * first, its type is unknown or it is absent (the tree path handles those).
     */
    private static Optional<EventEnvelope> readOnce(byte[] bytes) throws IOException {
        UUID eventId = null;
        String eventType = null;
        int schemaVersion = 0;
        String aggregateType = null;
        String aggregateId = null;
        long aggregateVersion = 0;
        Instant occurredAt = null;
        UUID correlationId = null;
        UUID causationId = null;
        String producer = null;
        String actor = null;
        String via = null;
        DomainEvent event = null;
        int dataStart = -1;
        int dataEnd = -1;
        try (JsonParser parser = MAPPER.createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                boolean isNull = value == JsonToken.VALUE_NULL;
                switch (field) {
                    case "eventId" -> eventId = isNull ? null : UUID.fromString(parser.getText());
                    case "eventType" -> eventType = isNull ? null : parser.getText();
                    case "schemaVersion" -> schemaVersion = isNull ? 0 : parser.getIntValue();
                    case "aggregateType" -> aggregateType = isNull ? null : parser.getText();
                    case "aggregateId" -> aggregateId = isNull ? null : parser.getText();
                    case "aggregateVersion" -> aggregateVersion = isNull ? 0 : parser.getLongValue();
                    // ISO-8601 as written; any other form Jackson accepts takes the tree path
                    case "occurredAt" -> occurredAt = isNull ? null : Instant.parse(parser.getText());
                    case "correlationId" -> correlationId = isNull ? null : UUID.fromString(parser.getText());
                    case "causationId" -> causationId = isNull ? null : UUID.fromString(parser.getText());
                    case "producer" -> producer = isNull ? null : parser.getText();
                    case "actor" -> actor = isNull ? null : parser.getText();
                    case "via" -> via = isNull ? null : parser.getText();
                    case "data" -> {
                        Optional<EventType> type = eventType == null ? Optional.empty() : EventTypes.byName(eventType);
                        if (value != JsonToken.START_OBJECT || type.isEmpty()) {
                            return Optional.empty();
                        }
                        dataStart = Math.toIntExact(parser.currentTokenLocation().getByteOffset());
                        event = READERS.computeIfAbsent(type.get().javaType(), MAPPER::readerFor).readValue(parser);
                        dataEnd = Math.toIntExact(parser.currentLocation().getByteOffset());
                    }
                    default -> parser.skipChildren();
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                return Optional.empty();
            }
        }
        if (event == null || dataStart < 0 || dataEnd <= dataStart) {
            return Optional.empty();
        }
        return Optional.of(EventEnvelope.read(eventId, eventType, schemaVersion, aggregateType, aggregateId,
                aggregateVersion, occurredAt, correlationId, causationId, producer, actor, via, bytes, dataStart,
                dataEnd, event));
    }

    static JsonNode readTree(byte[] bytes, int offset, int length) {
        try {
            return MAPPER.readTree(bytes, offset, length);
        } catch (IOException e) {
            throw new InvalidEnvelopeException("data is not JSON: " + e.getMessage(), e);
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

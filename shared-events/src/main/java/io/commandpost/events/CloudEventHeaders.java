package io.commandpost.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Kafka header names mirroring the envelope, after CloudEvents' Kafka binding ({@code ce_*}). */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String CORRELATION_ID = "ce_correlationid";

    /** The envelope fields the headers are made of. */
    private static final int FIELDS = 6;

    private CloudEventHeaders() {
    }

    /** Header name → UTF-8 value for one envelope, in a stable order. */
    public static Map<String, byte[]> of(EventEnvelope envelope) {
        return of(envelope.eventId(), envelope.eventType(), envelope.producer(), envelope.aggregateId(),
                envelope.occurredAt(), envelope.correlationId());
    }

    /**
     * {@link #of(EventEnvelope)} of an envelope's JSON (as {@link EventJson} writes it), read from its top-level
     * fields only: the event's {@code data} is skipped unread, and not even tokenized when the fields come before
     * it, as {@link EventJson} writes them. What the outbox relay publishes a stored envelope with.
     *
     * @throws EventJson.InvalidEnvelopeException for JSON that is not an envelope with an id and a type
     */
    public static Map<String, byte[]> ofJson(byte[] envelope) {
        UUID id = null;
        String type = null;
        String source = null;
        String subject = null;
        Instant time = null;
        UUID correlationId = null;
        int seen = 0;
        try (JsonParser parser = EventJson.mapper().getFactory().createParser(envelope)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new EventJson.InvalidEnvelopeException("an envelope is a JSON object");
            }
            while (seen < FIELDS && parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                String text = value == JsonToken.VALUE_NULL ? null : parser.getValueAsString();
                switch (field) {
                    case "eventId" -> id = text == null ? null : UUID.fromString(text);
                    case "eventType" -> type = text;
                    case "producer" -> source = text;
                    case "aggregateId" -> subject = text;
                    case "occurredAt" -> time = text == null ? null : Instant.parse(text);
                    case "correlationId" -> correlationId = text == null ? null : UUID.fromString(text);
                    default -> {
                        parser.skipChildren();
                        continue;
                    }
                }
                seen++;
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof EventJson.InvalidEnvelopeException invalid) {
                throw invalid;
            }
            throw new EventJson.InvalidEnvelopeException("not an event envelope: " + e.getMessage(), e);
        }
        if (id == null || type == null) {
            throw new EventJson.InvalidEnvelopeException("envelope lacks eventId or eventType");
        }
        return of(id, type, source, subject, time, correlationId);
    }

    private static Map<String, byte[]> of(UUID id, String type, String source, String subject, Instant time,
                                          UUID correlationId) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        put(headers, SPEC_VERSION, "1.0");
        put(headers, ID, id.toString());
        put(headers, TYPE, type);
        put(headers, SOURCE, source);
        put(headers, SUBJECT, subject);
        if (time != null) {
            put(headers, TIME, time.toString());
        }
        if (correlationId != null) {
            put(headers, CORRELATION_ID, correlationId.toString());
        }
        return headers;
    }

    private static void put(Map<String, byte[]> headers, String name, String value) {
        if (value != null) {
            headers.put(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}

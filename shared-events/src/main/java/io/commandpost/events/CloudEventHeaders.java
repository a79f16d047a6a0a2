package io.commandpost.events;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Kafka header names mirroring the envelope, after CloudEvents' Kafka binding ({@code ce_*}). */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String CORRELATION_ID = "ce_correlationid";

    private CloudEventHeaders() {
    }

    /** Header name → UTF-8 value for one envelope, in a stable order. */
    public static Map<String, byte[]> of(EventEnvelope envelope) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        put(headers, SPEC_VERSION, "1.0");
        put(headers, ID, envelope.eventId().toString());
        put(headers, TYPE, envelope.eventType());
        put(headers, SOURCE, envelope.producer());
        put(headers, SUBJECT, envelope.aggregateId());
        put(headers, TIME, envelope.occurredAt().toString());
        if (envelope.correlationId() != null) {
            put(headers, CORRELATION_ID, envelope.correlationId().toString());
        }
        return headers;
    }

    private static void put(Map<String, byte[]> headers, String name, String value) {
        if (value != null) {
            headers.put(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}

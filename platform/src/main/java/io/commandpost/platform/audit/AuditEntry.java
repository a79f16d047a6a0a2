package io.commandpost.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.commandpost.events.EventEnvelope;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

/**
 * One thing that happened, as the audit shows it: when, who (as authenticated, and the service key it came
 * through), what (event type, the aggregate it changed, its data).
 */
public record AuditEntry(Instant at, String actor, String via, String what, String aggregateType,
                         String aggregateId, String team, JsonNode data) {

    static AuditEntry of(EventEnvelope envelope) {
        return new AuditEntry(envelope.occurredAt(), actorOf(envelope), envelope.via(), envelope.eventType(),
                envelope.aggregateType(), envelope.aggregateId(), teamOf(envelope), envelope.data());
    }

    /**
     * The authenticated actor of the envelope; for events written before envelopes carried one, the person the
     * event itself names ({@code by}, {@code declaredBy}, {@code acknowledgedBy} …); null when the system acted.
     */
    static String actorOf(EventEnvelope envelope) {
        if (envelope.actor() != null) {
            return envelope.actor();
        }
        JsonNode data = envelope.data();
        if (data == null || !data.isObject()) {
            return null;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = data.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if ((field.getKey().equals("by") || field.getKey().endsWith("By")) && field.getValue().isTextual()) {
                return field.getValue().asText();
            }
        }
        return null;
    }

    static String teamOf(EventEnvelope envelope) {
        JsonNode data = envelope.data();
        if (data == null) {
            return null;
        }
        for (String field : new String[] {"team", "teamId"}) {
            if (data.path(field).isTextual()) {
                return data.path(field).asText();
            }
        }
        return null;
    }
}

package io.commandpost.ingest.opsgenie;

import com.fasterxml.jackson.databind.JsonNode;
import io.commandpost.events.AlertEvent;
import io.commandpost.events.Priority;
import io.commandpost.ingest.intake.IntakeContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Opsgenie Alert API requests → intake events. The alias is the dedup key (one open alert per alias: a repeat
 * create is another occurrence of it, counted downstream); without an alias every create is a new alert.
 * Acknowledge and close become {@code alert.acknowledged} / {@code alert.resolved}, a note
 * {@code alert.note-received}, a new message or description {@code alert.summary-changed}; each names the
 * sender's {@code user}. Invalid requests come back as Opsgenie's 422 field errors.
 */
public final class OpsgenieMapper {

    public static final String SOURCE = "opsgenie";
    static final int MESSAGE_LIMIT = 130;
    static final int ALIAS_LIMIT = 512;
    static final int DESCRIPTION_LIMIT = 15_000;
    static final int NOTE_LIMIT = 25_000;

    private OpsgenieMapper() {
    }

    /** Events, or the field errors Opsgenie would answer 422 with. */
    public record Result(List<AlertEvent> events, Map<String, String> errors, String alias) {
        public boolean valid() {
            return errors.isEmpty();
        }

        static Result invalid(String field, String message) {
            return new Result(List.of(), Map.of(field, message), null);
        }
    }

    public static Result create(JsonNode body, IntakeContext context) {
        if (body == null || !body.isObject()) {
            return Result.invalid("message", "Message can not be empty.");
        }
        String message = text(body, "message");
        if (message == null || message.isBlank()) {
            return Result.invalid("message", "Message can not be empty.");
        }
        String alias = text(body, "alias");
        if (alias != null && alias.length() > ALIAS_LIMIT) {
            return Result.invalid("alias", "Alias can not be longer than " + ALIAS_LIMIT + " characters.");
        }
        String priorityText = text(body, "priority");
        Priority priority;
        if (priorityText == null || priorityText.isBlank()) {
            priority = context.defaultPriority() != null ? context.defaultPriority() : Priority.P3;
        } else {
            try {
                priority = Priority.valueOf(priorityText.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return Result.invalid("priority", "Priority should be one of [P1, P2, P3, P4, P5].");
            }
        }
        String dedupKey = alias == null || alias.isBlank() ? UUID.randomUUID().toString() : alias;
        Map<String, String> labels = new LinkedHashMap<>();
        JsonNode extra = body.get("details");
        if (extra != null && extra.isObject()) {
            extra.fields().forEachRemaining(entry -> {
                if (!entry.getValue().isNull()) {
                    labels.put(entry.getKey(), entry.getValue().isValueNode() ? entry.getValue().asText()
                            : entry.getValue().toString());
                }
            });
        }
        Map<String, Object> details = new LinkedHashMap<>();
        putText(details, body, "description", DESCRIPTION_LIMIT);
        putText(details, body, "entity", 512);
        putText(details, body, "source", 100);
        putText(details, body, "user", 100);
        putText(details, body, "note", NOTE_LIMIT);
        List<String> tags = strings(body.get("tags"));
        if (!tags.isEmpty()) {
            details.put("tags", tags);
        }
        List<String> actions = strings(body.get("actions"));
        if (!actions.isEmpty()) {
            details.put("actions", actions);
        }
        JsonNode responders = body.get("responders");
        if (responders != null && responders.isArray() && !responders.isEmpty()) {
            details.put("responders", responders.toString());
        }
        String summary = message.length() > MESSAGE_LIMIT ? message.substring(0, MESSAGE_LIMIT) : message;
        List<AlertEvent> events = new ArrayList<>(2);
        events.add(new AlertEvent.AlertReceived(context.team(), context.integrationId(), SOURCE, dedupKey, priority,
                summary, details, labels, List.of(), context.receivedAt(), context.receivedAt()));
        return new Result(events, Map.of(), dedupKey);
    }

    /** {@code POST /v2/alerts/{alias}/acknowledge}: body {@code {user, source, note}}, all optional. */
    public static Result acknowledge(String alias, JsonNode body, IntakeContext context) {
        String user = text(body, "user");
        List<AlertEvent> events = new ArrayList<>(2);
        events.add(new AlertEvent.AlertAcknowledged(context.team(), context.integrationId(), SOURCE, alias,
                context.receivedAt(), user));
        addNote(events, alias, body, user, context);
        return new Result(events, Map.of(), alias);
    }

    /** {@code POST /v2/alerts/{alias}/close}: body {@code {user, source, note}}, all optional. */
    public static Result close(String alias, JsonNode body, IntakeContext context) {
        String user = text(body, "user");
        List<AlertEvent> events = new ArrayList<>(2);
        events.add(new AlertEvent.AlertResolved(context.team(), context.integrationId(), SOURCE, alias,
                context.receivedAt(), context.receivedAt(), user));
        addNote(events, alias, body, user, context);
        return new Result(events, Map.of(), alias);
    }

    /** {@code POST /v2/alerts/{alias}/notes}: body {@code {note, user, source}}, note required. */
    public static Result note(String alias, JsonNode body, IntakeContext context) {
        String note = text(body, "note");
        if (note == null || note.isBlank()) {
            return Result.invalid("note", "Note can not be empty.");
        }
        List<AlertEvent> events = new ArrayList<>(1);
        addNote(events, alias, body, text(body, "user"), context);
        return new Result(events, Map.of(), alias);
    }

    /** {@code PUT /v2/alerts/{alias}/message}: body {@code {message}}, required. */
    public static Result message(String alias, JsonNode body, IntakeContext context) {
        String message = text(body, "message");
        if (message == null || message.isBlank()) {
            return Result.invalid("message", "Message can not be empty.");
        }
        String summary = message.length() > MESSAGE_LIMIT ? message.substring(0, MESSAGE_LIMIT) : message;
        return new Result(List.of(new AlertEvent.AlertSummaryChanged(context.team(), context.integrationId(), SOURCE,
                alias, summary, null, text(body, "user"), context.receivedAt())), Map.of(), alias);
    }

    /** {@code PUT /v2/alerts/{alias}/description}: body {@code {description}}, required. */
    public static Result description(String alias, JsonNode body, IntakeContext context) {
        String description = text(body, "description");
        if (description == null || description.isBlank()) {
            return Result.invalid("description", "Description can not be empty.");
        }
        return new Result(List.of(new AlertEvent.AlertSummaryChanged(context.team(), context.integrationId(), SOURCE,
                alias, null, limit(description, DESCRIPTION_LIMIT), text(body, "user"), context.receivedAt())),
                Map.of(), alias);
    }

    private static void addNote(List<AlertEvent> events, String alias, JsonNode body, String user,
                                IntakeContext context) {
        String note = text(body, "note");
        if (note != null && !note.isBlank()) {
            events.add(new AlertEvent.AlertNoteReceived(context.team(), context.integrationId(), SOURCE, alias,
                    limit(note, NOTE_LIMIT), user, context.receivedAt()));
        }
    }

    private static void putText(Map<String, Object> details, JsonNode body, String field, int limit) {
        String value = text(body, field);
        if (value != null && !value.isBlank()) {
            details.put(field, limit(value, limit));
        }
    }

    private static String limit(String value, int limit) {
        return value.length() > limit ? value.substring(0, limit) : value;
    }

    static String text(JsonNode body, String field) {
        if (body == null || !body.isObject()) {
            return null;
        }
        JsonNode node = body.get(field);
        return node == null || node.isNull() || !node.isValueNode() ? null : node.asText();
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(value -> {
                if (value.isValueNode() && !value.isNull() && !value.asText().isBlank()) {
                    values.add(value.asText());
                }
            });
        }
        return values;
    }
}

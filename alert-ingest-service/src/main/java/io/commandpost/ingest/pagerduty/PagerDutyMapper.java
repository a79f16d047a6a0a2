package io.commandpost.ingest.pagerduty;

import com.fasterxml.jackson.databind.JsonNode;
import io.commandpost.events.AlertEvent;
import io.commandpost.events.Link;
import io.commandpost.events.Priority;
import io.commandpost.ingest.intake.IntakeContext;
import io.commandpost.ingest.intake.JsonFields;
import io.commandpost.ingest.intake.RejectedBodyException;
import io.commandpost.ingest.intake.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * PagerDuty Events API v2 ({@code POST /v2/enqueue}) with PagerDuty's own rules: {@code event_action}
 * always, {@code payload.summary/source/severity} for a trigger, {@code dedup_key} for acknowledge and
 * resolve; a trigger without one gets a generated key that the caller is told. Errors use PagerDuty's wording.
 */
public final class PagerDutyMapper {

    public static final String SOURCE = "pagerduty";
    static final int MAX_SUMMARY = 1024;
    static final int MAX_DEDUP_KEY = 255;
    private static final List<String> SEVERITIES = List.of("critical", "error", "warning", "info");

    private PagerDutyMapper() {
    }

    public static PagerDutyEvent map(JsonNode body, IntakeContext context, Supplier<String> newDedupKey) {
        List<String> errors = new ArrayList<>();
        String action = text(body, "event_action", errors);
        String dedupKey = text(body, "dedup_key", errors);
        if (action == null || action.isBlank()) {
            errors.add("'event_action' is missing or blank");
            return PagerDutyEvent.invalid(errors);
        }
        if (dedupKey != null && dedupKey.length() > MAX_DEDUP_KEY) {
            errors.add("'dedup_key' must be at most " + MAX_DEDUP_KEY + " characters");
        }
        switch (action) {
            case PagerDutyEvent.TRIGGER:
                return trigger(body, context, dedupKey == null || dedupKey.isBlank() ? newDedupKey.get() : dedupKey,
                        errors);
            case PagerDutyEvent.ACKNOWLEDGE:
            case PagerDutyEvent.RESOLVE:
                if (dedupKey == null || dedupKey.isBlank()) {
                    errors.add("'dedup_key' is missing or blank");
                }
                if (!errors.isEmpty()) {
                    return PagerDutyEvent.invalid(errors);
                }
                AlertEvent event = action.equals(PagerDutyEvent.RESOLVE)
                        ? new AlertEvent.AlertResolved(context.team(), context.integrationId(), SOURCE,
                        dedupKey, context.receivedAt(), context.receivedAt())
                        : new AlertEvent.AlertAcknowledged(context.team(), context.integrationId(), SOURCE, dedupKey,
                        context.receivedAt());
                return new PagerDutyEvent(action, dedupKey, Optional.of(event), List.of());
            default:
                errors.add("'event_action' is invalid (must be one of the following: 'trigger', 'acknowledge' or 'resolve')");
                return PagerDutyEvent.invalid(errors);
        }
    }

    private static PagerDutyEvent trigger(JsonNode body, IntakeContext context, String dedupKey, List<String> errors) {
        JsonNode payload = body.get("payload");
        if (payload == null || !payload.isObject()) {
            errors.add("'payload' is missing or not an object");
            return PagerDutyEvent.invalid(errors);
        }
        String summary = text(payload, "summary", errors, "payload.summary");
        String source = text(payload, "source", errors, "payload.source");
        String severity = text(payload, "severity", errors, "payload.severity");
        if (summary == null || summary.isBlank()) {
            errors.add("'payload.summary' is missing or blank");
        }
        if (source == null || source.isBlank()) {
            errors.add("'payload.source' is missing or blank");
        }
        if (severity == null || severity.isBlank()) {
            errors.add("'payload.severity' is missing or blank");
        } else if (!SEVERITIES.contains(severity)) {
            errors.add("'payload.severity' is invalid (must be one of the following: 'critical', 'warning', 'error' or 'info')");
        }
        Instant timestamp = null;
        try {
            timestamp = Timestamps.parse(text(payload, "timestamp", errors, "payload.timestamp"), "/payload/timestamp");
        } catch (RejectedBodyException e) {
            errors.add("'payload.timestamp' is invalid (must be an ISO 8601 timestamp)");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        try {
            JsonNode custom = payload.get("custom_details");
            if (custom != null && !custom.isNull()) {
                details.putAll(custom.isObject() ? JsonFields.anyMap(payload, "custom_details", "/payload")
                        : Map.of("custom_details", custom.asText()));
            }
        } catch (RejectedBodyException e) {
            errors.add("'payload.custom_details' is invalid");
        }
        if (!errors.isEmpty()) {
            return PagerDutyEvent.invalid(errors);
        }
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("source", source);
        labels.put("severity", severity);
        for (String field : List.of("component", "group", "class")) {
            String value = text(payload, field, errors, "payload." + field);
            if (value != null) {
                labels.put(field, value);
            }
        }
        putIfPresent(details, "client", text(body, "client", errors));
        List<Link> links = links(body, errors);
        if (!errors.isEmpty()) {
            return PagerDutyEvent.invalid(errors);
        }
        Priority priority = context.priorityFor(severity);
        return new PagerDutyEvent(PagerDutyEvent.TRIGGER, dedupKey, Optional.of(new AlertEvent.AlertReceived(
                context.team(), context.integrationId(), SOURCE, dedupKey, priority,
                summary.length() > MAX_SUMMARY ? summary.substring(0, MAX_SUMMARY) : summary, details, labels, links,
                timestamp != null ? timestamp : context.receivedAt(), context.receivedAt())), List.of());
    }

    private static List<Link> links(JsonNode body, List<String> errors) {
        List<Link> links = new ArrayList<>();
        String clientUrl = text(body, "client_url", errors);
        if (clientUrl != null && !clientUrl.isBlank()) {
            String client = text(body, "client", errors);
            links.add(new Link(clientUrl, client != null ? client : "Client"));
        }
        for (JsonNode link : array(body, "links", errors)) {
            String href = link.path("href").asText(null);
            if (href != null && !href.isBlank()) {
                links.add(new Link(href, link.path("text").asText(null)));
            }
        }
        for (JsonNode image : array(body, "images", errors)) {
            String src = image.path("src").asText(null);
            if (src != null && !src.isBlank()) {
                links.add(new Link(src, image.path("alt").asText("Image")));
            }
        }
        return links;
    }

    private static List<JsonNode> array(JsonNode body, String field, List<String> errors) {
        JsonNode node = body.get(field);
        List<JsonNode> items = new ArrayList<>();
        if (node == null || node.isNull()) {
            return items;
        }
        if (!node.isArray()) {
            errors.add("'" + field + "' must be an array");
            return items;
        }
        node.forEach(item -> {
            if (item.isObject()) {
                items.add(item);
            } else {
                errors.add("'" + field + "' must contain objects");
            }
        });
        return items;
    }

    private static String text(JsonNode node, String field, List<String> errors) {
        return text(node, field, errors, field);
    }

    private static String text(JsonNode node, String field, List<String> errors, String name) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            errors.add("'" + name + "' must be a string");
            return null;
        }
        return value.asText();
    }

    private static void putIfPresent(Map<String, Object> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}

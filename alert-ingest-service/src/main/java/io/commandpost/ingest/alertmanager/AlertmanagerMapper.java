package io.commandpost.ingest.alertmanager;

import com.fasterxml.jackson.databind.JsonNode;
import io.commandpost.events.AlertEvent;
import io.commandpost.events.Link;
import io.commandpost.ingest.intake.IntakeContext;
import io.commandpost.ingest.intake.JsonFields;
import io.commandpost.ingest.intake.RejectedBodyException;
import io.commandpost.ingest.intake.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Alertmanager webhook v4 → one alert event per element of {@code alerts[]}. Lenient about what
 * differs between versions (no per-alert status or fingerprint in old senders, unknown fields such as
 * {@code notification_reason}), strict about what would make an alert wrong (a status that is neither
 * firing nor resolved, a timestamp that is not one).
 */
public final class AlertmanagerMapper {

    public static final String SOURCE = "alertmanager";
    /** Key in {@code details} holding what the group said about itself (groupKey, groupLabels, receiver …). */
    public static final String GROUP_DETAILS = "alertmanagerGroup";
    /** Key in {@code details} listing the JSON pointers of timestamps that came without a zone (read as UTC). */
    public static final String TIMESTAMPS_READ_AS_UTC = "timestampsReadAsUtc";

    private AlertmanagerMapper() {
    }

    /** What a dialect of the format (Grafana) adds to each alert: more links, more details. */
    public interface Extras {
        Extras NONE = (alert, pointer, links, details) -> { };

        void addTo(JsonNode alert, String pointer, List<Link> links, Map<String, Object> details);
    }

    public static List<AlertEvent> map(JsonNode body, IntakeContext context) {
        return map(body, context, SOURCE, Extras.NONE);
    }

    /** Also used for Grafana, whose webhook is an Alertmanager payload with a few extra fields. */
    public static List<AlertEvent> map(JsonNode body, IntakeContext context, String source, Extras extras) {
        if (!body.isObject()) {
            throw RejectedBodyException.field("", "must be a JSON object");
        }
        JsonNode alerts = body.get("alerts");
        if (alerts == null || !alerts.isArray()) {
            throw RejectedBodyException.field("/alerts", "an array of alerts is required");
        }
        String groupStatus = JsonFields.text(body, "status", "");
        if (groupStatus == null || groupStatus.isBlank()) {
            throw RejectedBodyException.field("/status", "the group's status (firing or resolved) is required");
        }
        Map<String, Object> group = groupDetails(body);
        List<AlertEvent> events = new ArrayList<>(alerts.size());
        for (int i = 0; i < alerts.size(); i++) {
            String pointer = "/alerts/" + i;
            JsonNode alert = alerts.get(i);
            if (!alert.isObject()) {
                throw RejectedBodyException.field(pointer, "must be an object");
            }
            events.add(mapAlert(alert, pointer, groupStatus, group, context, source, extras));
        }
        return events;
    }

    private static AlertEvent mapAlert(JsonNode alert, String pointer, String groupStatus, Map<String, Object> group,
                                       IntakeContext context, String source, Extras extras) {
        if (JsonFields.object(alert, "labels", pointer) == null) {
            throw RejectedBodyException.field(pointer + "/labels", "an alert's labels are required");
        }
        Map<String, String> labels = JsonFields.stringMap(alert, "labels", pointer);
        if (labels.get("alertname") == null || labels.get("alertname").isBlank()) {
            throw RejectedBodyException.field(pointer + "/labels/alertname", "every alert has an alertname label");
        }
        Map<String, String> annotations = JsonFields.stringMap(alert, "annotations", pointer);
        String fingerprint = JsonFields.text(alert, "fingerprint", pointer);
        String dedupKey = fingerprint == null || fingerprint.isBlank() ? LabelFingerprint.of(labels) : fingerprint;
        List<String> readAsUtc = new ArrayList<>(0);
        Instant startsAt = Timestamps.parse(JsonFields.text(alert, "startsAt", pointer), pointer + "/startsAt", readAsUtc);
        Instant endsAt = Timestamps.parse(JsonFields.text(alert, "endsAt", pointer), pointer + "/endsAt", readAsUtc);

        String status = JsonFields.text(alert, "status", pointer);
        String statusPointer = pointer + "/status";
        if (status == null || status.isBlank()) {
            status = groupStatus;
            statusPointer = "/status";
        }
        if (status == null) {
            throw RejectedBodyException.field(statusPointer, "firing or resolved is required");
        }
        switch (status.trim().toLowerCase(Locale.ROOT)) {
            case "firing":
                List<Link> links = links(alert, annotations, pointer);
                Map<String, Object> details = details(annotations, group);
                if (!readAsUtc.isEmpty()) {
                    details.put(TIMESTAMPS_READ_AS_UTC, readAsUtc);
                }
                extras.addTo(alert, pointer, links, details);
                return new AlertEvent.AlertReceived(context.team(), context.integrationId(), source, dedupKey,
                        context.priorityFor(labels.get("severity")), summary(annotations, labels, dedupKey),
                        details, labels, links, startsAt != null ? startsAt : context.receivedAt(),
                        context.receivedAt());
            case "resolved":
                return new AlertEvent.AlertResolved(context.team(), context.integrationId(), source, dedupKey,
                        endsAt != null ? endsAt : context.receivedAt(), context.receivedAt());
            default:
                throw RejectedBodyException.field(statusPointer, "must be firing or resolved, not '" + status + "'");
        }
    }

    static String summary(Map<String, String> annotations, Map<String, String> labels, String dedupKey) {
        for (String candidate : new String[] {annotations.get("summary"), annotations.get("description"),
                labels.get("alertname")}) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return "alert " + dedupKey;
    }

    private static Map<String, Object> details(Map<String, String> annotations, Map<String, Object> group) {
        Map<String, Object> details = new LinkedHashMap<>(annotations);
        details.put(GROUP_DETAILS, group);
        return details;
    }

    private static Map<String, Object> groupDetails(JsonNode body) {
        Map<String, Object> group = new LinkedHashMap<>();
        putIfPresent(group, "groupKey", JsonFields.text(body, "groupKey", ""));
        group.put("groupLabels", JsonFields.stringMap(body, "groupLabels", ""));
        putIfPresent(group, "receiver", JsonFields.text(body, "receiver", ""));
        putIfPresent(group, "externalURL", JsonFields.text(body, "externalURL", ""));
        JsonNode truncated = body.get("truncatedAlerts");
        if (truncated != null && !truncated.isNull()) {
            if (!truncated.isIntegralNumber() || !truncated.canConvertToLong() || truncated.longValue() < 0) {
                throw RejectedBodyException.field("/truncatedAlerts", "must be a non-negative integer");
            }
            group.put("truncatedAlerts", truncated.asText());
        }
        return group;
    }

    private static List<Link> links(JsonNode alert, Map<String, String> annotations, String pointer) {
        List<Link> links = new ArrayList<>();
        addLink(links, JsonFields.text(alert, "generatorURL", pointer), "Source");
        addLink(links, annotations.get("runbook_url"), "Runbook");
        return links;
    }

    public static void addLink(List<Link> links, String href, String text) {
        if (href != null && !href.isBlank()) {
            links.add(new Link(href, text));
        }
    }

    private static void putIfPresent(Map<String, Object> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}

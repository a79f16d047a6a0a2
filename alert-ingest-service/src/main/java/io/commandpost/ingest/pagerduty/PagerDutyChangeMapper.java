package io.commandpost.ingest.pagerduty;

import com.fasterxml.jackson.databind.JsonNode;
import io.commandpost.events.ChangeEvent;
import io.commandpost.events.Link;
import io.commandpost.ingest.intake.IntakeContext;
import io.commandpost.ingest.intake.JsonFields;
import io.commandpost.ingest.intake.RejectedBodyException;
import io.commandpost.ingest.intake.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * PagerDuty change events ({@code POST /v2/change/enqueue}): {@code payload.summary} required,
 * {@code payload.timestamp}, {@code payload.source}, {@code payload.custom_details} and {@code links}
 * optional. Errors use PagerDuty's wording; the result is context for the MRO, never a page.
 */
public final class PagerDutyChangeMapper {

    /** A change read from a body: the event, or PagerDuty's list of errors. */
    public record Result(ChangeEvent.ChangeRecorded change, List<String> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private PagerDutyChangeMapper() {
    }

    public static Result map(JsonNode body, IntakeContext context, UUID changeId) {
        List<String> errors = new ArrayList<>();
        JsonNode payload = body.get("payload");
        if (payload == null || !payload.isObject()) {
            return new Result(null, List.of("'payload' is missing or not an object"));
        }
        JsonNode summary = payload.get("summary");
        if (summary == null || !summary.isValueNode() || summary.asText().isBlank()) {
            errors.add("'payload.summary' is missing or blank");
        }
        Instant changedAt = null;
        try {
            JsonNode timestamp = payload.get("timestamp");
            changedAt = Timestamps.parse(timestamp == null || timestamp.isNull() ? null : timestamp.asText(),
                    "/payload/timestamp");
        } catch (RejectedBodyException e) {
            errors.add("'payload.timestamp' is invalid (must be an ISO 8601 timestamp)");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        try {
            JsonNode custom = payload.get("custom_details");
            if (custom != null && custom.isObject()) {
                details.putAll(JsonFields.anyMap(payload, "custom_details", "/payload"));
            } else if (custom != null && !custom.isNull()) {
                details.put("custom_details", custom.asText());
            }
        } catch (RejectedBodyException e) {
            errors.add("'payload.custom_details' is invalid");
        }
        JsonNode source = payload.get("source");
        if (source != null && source.isValueNode() && !source.isNull()) {
            details.put("source", source.asText());
        }
        List<Link> links = new ArrayList<>();
        JsonNode linkArray = body.get("links");
        if (linkArray != null && !linkArray.isNull()) {
            if (!linkArray.isArray()) {
                errors.add("'links' must be an array");
            } else {
                linkArray.forEach(link -> {
                    String href = link.path("href").asText(null);
                    if (href != null && !href.isBlank()) {
                        links.add(new Link(href, link.path("text").asText(null)));
                    }
                });
            }
        }
        if (!errors.isEmpty()) {
            return new Result(null, errors);
        }
        String text = summary.asText();
        return new Result(new ChangeEvent.ChangeRecorded(changeId, context.team(), context.integrationId(),
                PagerDutyMapper.SOURCE, text.length() > PagerDutyMapper.MAX_SUMMARY
                ? text.substring(0, PagerDutyMapper.MAX_SUMMARY) : text,
                details, links, changedAt != null ? changedAt : context.receivedAt(), context.receivedAt()), List.of());
    }
}

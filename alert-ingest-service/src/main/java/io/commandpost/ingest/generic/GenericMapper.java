package io.commandpost.ingest.generic;

import io.commandpost.ingest.mapping.GenericMapping;
import io.commandpost.ingest.mapping.Expression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.commandpost.events.AlertEvent;
import io.commandpost.events.Link;
import io.commandpost.events.Priority;
import io.commandpost.ingest.intake.IntakeContext;
import io.commandpost.ingest.intake.RejectedBodyException;
import io.commandpost.ingest.intake.StrictJson;
import io.commandpost.ingest.intake.Timestamps;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A JSON body read through a {@link GenericMapping}: one alert event per body. */
public final class GenericMapper {

    private GenericMapper() {
    }

    public static List<AlertEvent> map(JsonNode body, IntakeContext context, GenericMapping mapping) {
        if (!body.isObject()) {
            throw RejectedBodyException.field("", "must be a JSON object");
        }
        String summary = first(body, mapping.summary()).map(GenericMapper::text).filter(text -> !text.isBlank())
                .orElseThrow(() -> RejectedBodyException.field(mapping.summary().get(0).pointerForErrors(),
                        "the mapping's summary (" + texts(mapping.summary()) + ") is missing or blank"));
        String dedupKey = first(body, mapping.dedupKey()).map(GenericMapper::text).filter(key -> !key.isBlank())
                .orElseGet(() -> "generic-" + sha256(summary).substring(0, 16));
        boolean resolved = mapping.statusPointer() != null
                && first(body, List.of(mapping.statusPointer())).filter(status -> resolved(status, mapping)).isPresent();
        Instant startsAt = startsAt(body, mapping);
        if (resolved) {
            return List.of(new AlertEvent.AlertResolved(context.team(), context.integrationId(), mapping.source(),
                    dedupKey, context.receivedAt(), context.receivedAt()));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        mapping.details().forEach((name, expression) -> {
            List<JsonNode> values = expression.matches(body);
            if (!values.isEmpty()) {
                // a path that may find several values always gives a list, so a detail's shape never depends on the body
                JsonNode value = expression.multiple() ? list(values) : values.get(0);
                details.put(name, StrictJson.mapper().convertValue(value, Object.class));
            }
        });
        Map<String, String> labels = new LinkedHashMap<>();
        mapping.labels().forEach((name, expression) -> {
            List<JsonNode> values = expression.matches(body);
            if (!values.isEmpty()) {
                labels.put(name, String.join(",", values.stream().map(GenericMapper::text).toList()));
            }
        });
        List<Link> links = new ArrayList<>();
        for (GenericMapping.LinkRule rule : mapping.links()) {
            for (JsonNode href : rule.pointer().matches(body)) {
                if (href.isValueNode() && !href.asText().isBlank()) {
                    links.add(new Link(href.asText(), rule.text()));
                }
            }
        }
        return List.of(new AlertEvent.AlertReceived(context.team(), context.integrationId(), mapping.source(), dedupKey,
                priority(body, mapping, context), summary, details, labels, links,
                startsAt != null ? startsAt : context.receivedAt(), context.receivedAt()));
    }

    private static boolean resolved(JsonNode status, GenericMapping mapping) {
        if (GenericMapping.missing(status)) {
            return false;
        }
        String value = text(status);
        return mapping.resolvedValues().stream().anyMatch(resolvedValue -> resolvedValue.equalsIgnoreCase(value))
                || mapping.resolvedPrefixes().stream().anyMatch(prefix -> value.regionMatches(true, 0, prefix, 0,
                        prefix.length()));
    }

    private static Priority priority(JsonNode body, GenericMapping mapping, IntakeContext context) {
        if (mapping.severityPointer() == null) {
            return context.priorityFor(null);
        }
        Optional<JsonNode> node = first(body, List.of(mapping.severityPointer()));
        if (node.isEmpty()) {
            return context.priorityFor(null);
        }
        String value = text(node.get());
        String mapped = mapping.severityValues().get(value.toLowerCase(Locale.ROOT));
        return context.priorityFor(mapped != null ? mapped : value);
    }

    private static Instant startsAt(JsonNode body, GenericMapping mapping) {
        for (Expression expression : mapping.startsAt()) {
            List<JsonNode> found = expression.matches(body);
            if (found.isEmpty()) {
                continue;
            }
            String value = text(found.get(0)).trim();
            if (value.matches("\\d{1,19}")) {
                long number = Long.parseLong(value);
                // 12+ digits cannot be seconds of this era: milliseconds (Datadog's $DATE, New Relic's createdAt)
                return value.length() >= 12 ? Instant.ofEpochMilli(number) : Instant.ofEpochSecond(number);
            }
            return Timestamps.parse(value, expression.pointerForErrors());
        }
        return null;
    }

    /** The first value the first expression that finds anything finds. */
    private static Optional<JsonNode> first(JsonNode body, List<Expression> expressions) {
        for (Expression expression : expressions) {
            List<JsonNode> found = expression.matches(body);
            if (!found.isEmpty()) {
                return Optional.of(found.get(0));
            }
        }
        return Optional.empty();
    }

    private static ArrayNode list(List<JsonNode> values) {
        return StrictJson.mapper().createArrayNode().addAll(values);
    }

    private static String texts(List<Expression> expressions) {
        return String.join(", ", expressions.stream().map(Expression::text).toList());
    }

    /** Scalars as their text; arrays and objects as compact JSON. */
    private static String text(JsonNode node) {
        return node.isValueNode() ? node.asText() : node.toString();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}

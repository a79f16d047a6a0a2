package io.commandpost.ingest.generic;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.commandpost.platform.http.InvalidInputException;
import io.commandpost.platform.http.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a generic integration reads any JSON body, as JSON Pointers (RFC 6901). Where a field takes a
 * list of pointers the first one present in the body wins, so one mapping can serve senders that
 * differ (e.g. Datadog's default payload with or without {@code $AGGREG_KEY}).
 * <pre>
 * {"source": "datadog",                                    (optional, default "generic")
 *  "summary": "/title",                                    (required; pointer or list of pointers)
 *  "dedupKey": ["/aggreg_key", "/id"],                     (default: a hash of the summary)
 *  "status": {"pointer": "/state", "resolvedValues": ["ok", "resolved"]},  (default: always firing)
 *  "severity": {"pointer": "/priority", "values": {"CRITICAL": "P1"}},     (else the value as a severity)
 *  "startsAt": "/date",                                    (RFC 3339, or epoch seconds / milliseconds)
 *  "details": {"body": "/body"}, "labels": {"host": "/host"},
 *  "links": [{"pointer": "/link", "text": "Datadog"}]}
 * </pre>
 */
public record GenericMapping(String source, List<JsonPointer> summary, List<JsonPointer> dedupKey,
                             JsonPointer statusPointer, List<String> resolvedValues, JsonPointer severityPointer,
                             Map<String, String> severityValues, List<JsonPointer> startsAt,
                             Map<String, JsonPointer> details, Map<String, JsonPointer> labels, List<LinkRule> links) {

    public static final String DEFAULT_SOURCE = "generic";

    /** One link: where its href is, and the text to show. */
    public record LinkRule(JsonPointer pointer, String text) {
    }

    /**
     * Reads and checks a mapping as given at creation ({@code base} is its pointer in the request, e.g.
     * {@code /mapping}); with a {@code sample}, also checks that every pointer finds something in it.
     *
     * @throws InvalidInputException naming every field that is wrong or points nowhere
     */
    public static GenericMapping parse(JsonNode mapping, String base, JsonNode sample) {
        Errors errors = new Errors();
        if (mapping == null || !mapping.isObject()) {
            errors.add(base, "a mapping object with at least summary is required");
            throw errors.exception();
        }
        String source = mapping.hasNonNull("source") ? mapping.get("source").asText() : DEFAULT_SOURCE;
        List<JsonPointer> summary = pointers(mapping.get("summary"), base + "/summary", true, errors);
        List<JsonPointer> dedupKey = pointers(mapping.get("dedupKey"), base + "/dedupKey", false, errors);
        List<JsonPointer> startsAt = pointers(mapping.get("startsAt"), base + "/startsAt", false, errors);

        JsonPointer statusPointer = null;
        List<String> resolvedValues = new ArrayList<>();
        JsonNode status = mapping.get("status");
        if (status != null && !status.isNull()) {
            statusPointer = pointer(status.get("pointer"), base + "/status/pointer", errors);
            JsonNode resolved = status.get("resolvedValues");
            if (resolved == null || !resolved.isArray() || resolved.isEmpty()) {
                errors.add(base + "/status/resolvedValues", "a non-empty array of the values that mean resolved");
            } else {
                resolved.forEach(value -> resolvedValues.add(value.asText()));
            }
        }

        JsonPointer severityPointer = null;
        Map<String, String> severityValues = new LinkedHashMap<>();
        JsonNode severity = mapping.get("severity");
        if (severity != null && !severity.isNull()) {
            severityPointer = pointer(severity.get("pointer"), base + "/severity/pointer", errors);
            JsonNode values = severity.get("values");
            if (values != null && !values.isNull()) {
                if (!values.isObject()) {
                    errors.add(base + "/severity/values", "an object from the sender's value to P1..P5 or a severity");
                } else {
                    values.fields().forEachRemaining(entry -> {
                        if (io.commandpost.events.Priority.fromSeverity(entry.getValue().asText()).isEmpty()) {
                            errors.add(base + "/severity/values/" + escape(entry.getKey()),
                                    "'" + entry.getValue().asText() + "' is not P1..P5 or a known severity");
                        }
                        severityValues.put(entry.getKey().toLowerCase(Locale.ROOT), entry.getValue().asText());
                    });
                }
            }
        }

        Map<String, JsonPointer> details = named(mapping.get("details"), base + "/details", errors);
        Map<String, JsonPointer> labels = named(mapping.get("labels"), base + "/labels", errors);
        List<LinkRule> links = new ArrayList<>();
        JsonNode linkRules = mapping.get("links");
        if (linkRules != null && !linkRules.isNull()) {
            if (!linkRules.isArray()) {
                errors.add(base + "/links", "an array of {\"pointer\", \"text\"}");
            } else {
                for (int i = 0; i < linkRules.size(); i++) {
                    JsonPointer href = pointer(linkRules.get(i).get("pointer"), base + "/links/" + i + "/pointer", errors);
                    links.add(new LinkRule(href, linkRules.get(i).path("text").asText(null)));
                }
            }
        }
        errors.throwIfAny();
        GenericMapping parsed = new GenericMapping(source, summary, dedupKey, statusPointer, resolvedValues,
                severityPointer, severityValues, startsAt, details, labels, links);
        if (sample != null && !sample.isNull()) {
            parsed.checkAgainst(sample, base, errors);
            errors.throwIfAny();
        }
        return parsed;
    }

    private void checkAgainst(JsonNode sample, String base, Errors errors) {
        requirePresent(sample, summary, base + "/summary", errors);
        requirePresent(sample, dedupKey, base + "/dedupKey", errors);
        requirePresent(sample, startsAt, base + "/startsAt", errors);
        if (statusPointer != null) {
            requirePresent(sample, List.of(statusPointer), base + "/status/pointer", errors);
        }
        if (severityPointer != null) {
            requirePresent(sample, List.of(severityPointer), base + "/severity/pointer", errors);
        }
        details.forEach((name, pointer) -> requirePresent(sample, List.of(pointer),
                base + "/details/" + escape(name), errors));
        labels.forEach((name, pointer) -> requirePresent(sample, List.of(pointer),
                base + "/labels/" + escape(name), errors));
        for (int i = 0; i < links.size(); i++) {
            requirePresent(sample, List.of(links.get(i).pointer()), base + "/links/" + i + "/pointer", errors);
        }
    }

    private static void requirePresent(JsonNode sample, List<JsonPointer> pointers, String field, Errors errors) {
        if (!pointers.isEmpty() && pointers.stream().allMatch(pointer -> missing(sample.at(pointer)))) {
            errors.add(field, "points nowhere in the sample (" + pointers + ")");
        }
    }

    static boolean missing(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull();
    }

    private static List<JsonPointer> pointers(JsonNode node, String field, boolean required, Errors errors) {
        List<JsonPointer> pointers = new ArrayList<>();
        if (node == null || node.isNull()) {
            if (required) {
                errors.add(field, "is required (a JSON Pointer such as \"/title\", or a list of them)");
            }
            return pointers;
        }
        if (node.isArray()) {
            if (node.isEmpty()) {
                errors.add(field, "an empty list points nowhere");
            }
            for (int i = 0; i < node.size(); i++) {
                JsonPointer pointer = pointer(node.get(i), field + "/" + i, errors);
                if (pointer != null) {
                    pointers.add(pointer);
                }
            }
            return pointers;
        }
        JsonPointer pointer = pointer(node, field, errors);
        if (pointer != null) {
            pointers.add(pointer);
        }
        return pointers;
    }

    private static JsonPointer pointer(JsonNode node, String field, Errors errors) {
        if (node == null || !node.isTextual()) {
            errors.add(field, "must be a JSON Pointer string such as \"/title\"");
            return null;
        }
        String text = node.asText();
        if (text.isEmpty() || !text.startsWith("/")) {
            errors.add(field, "'" + text + "' points nowhere: a JSON Pointer starts with '/'");
            return null;
        }
        try {
            return JsonPointer.compile(text);
        } catch (IllegalArgumentException e) {
            errors.add(field, "'" + text + "' is not a JSON Pointer: " + e.getMessage());
            return null;
        }
    }

    private static Map<String, JsonPointer> named(JsonNode node, String field, Errors errors) {
        Map<String, JsonPointer> named = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return named;
        }
        if (!node.isObject()) {
            errors.add(field, "an object from a name to a JSON Pointer");
            return named;
        }
        node.fields().forEachRemaining(entry -> {
            JsonPointer pointer = pointer(entry.getValue(), field + "/" + escape(entry.getKey()), errors);
            if (pointer != null) {
                named.put(entry.getKey(), pointer);
            }
        });
        return named;
    }

    static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static final class Errors {
        private final List<Problem.FieldError> errors = new ArrayList<>();

        void add(String pointer, String detail) {
            errors.add(new Problem.FieldError(pointer, detail));
        }

        void throwIfAny() {
            if (!errors.isEmpty()) {
                throw exception();
            }
        }

        InvalidInputException exception() {
            Problem.FieldError first = errors.get(0);
            return new InvalidInputException(Problem.badRequest(first.pointer() + ": " + first.detail()
                    + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "")).withErrors(errors));
        }
    }
}

package io.commandpost.ingest.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.commandpost.platform.http.InvalidInputException;
import io.commandpost.platform.http.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a generic integration reads any JSON body, as {@link Expression}s: JSON Pointers (RFC 6901,
 * {@code "/title"}) or JSONPaths ({@code "$.data.issue.title"}), compiled once here. Where a field takes a
 * list of expressions the first one that finds something wins, so one mapping can serve senders that
 * differ (e.g. Datadog's default payload with or without {@code $AGGREG_KEY}). A JSONPath that finds
 * several values gives its first to a one-value field (summary, dedupKey, status, severity, startsAt), all
 * of them as a list to a detail, joined with "," to a label, and one link each.
 * <pre>
 * {"source": "datadog",                                    (optional, default "generic")
 *  "summary": "/title",                                    (required; pointer or list of pointers)
 *  "dedupKey": ["/aggreg_key", "/id"],                     (default: a hash of the summary)
 *  "status": {"pointer": "/state", "resolvedValues": ["ok", "resolved"]},  (default: always firing)
 *            (or "resolvedPrefixes": ["[Recovered]"]: a value starting with one of them means resolved)
 *  "severity": {"pointer": "/priority", "values": {"CRITICAL": "P1"}},     (else the value as a severity)
 *  "startsAt": "/date",                                    (RFC 3339, or epoch seconds / milliseconds)
 *  "details": {"body": "/body"}, "labels": {"host": "/host"},
 *  "links": [{"pointer": "/link", "text": "Datadog"}]}
 * </pre>
 */
public record GenericMapping(String source, List<Expression> summary, List<Expression> dedupKey,
                             Expression statusPointer, List<String> resolvedValues, List<String> resolvedPrefixes,
                             Expression severityPointer,
                             Map<String, String> severityValues, List<Expression> startsAt,
                             Map<String, Expression> details, Map<String, Expression> labels, List<LinkRule> links) {

    public static final String DEFAULT_SOURCE = "generic";

    /** One link: where its href is, and the text to show. */
    public record LinkRule(Expression pointer, String text) {
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
        List<Expression> summary = pointers(mapping.get("summary"), base + "/summary", true, errors);
        List<Expression> dedupKey = pointers(mapping.get("dedupKey"), base + "/dedupKey", false, errors);
        List<Expression> startsAt = pointers(mapping.get("startsAt"), base + "/startsAt", false, errors);

        Expression statusPointer = null;
        List<String> resolvedValues = new ArrayList<>();
        List<String> resolvedPrefixes = new ArrayList<>();
        JsonNode status = mapping.get("status");
        if (status != null && !status.isNull()) {
            statusPointer = pointer(status.get("pointer"), base + "/status/pointer", errors);
            JsonNode resolved = status.get("resolvedValues");
            JsonNode prefixes = status.get("resolvedPrefixes");
            if (prefixes != null && prefixes.isArray()) {
                prefixes.forEach(value -> resolvedPrefixes.add(value.asText()));
            } else if (prefixes != null && !prefixes.isNull()) {
                errors.add(base + "/status/resolvedPrefixes", "an array of the prefixes of values that mean resolved");
            }
            if (resolved != null && resolved.isArray()) {
                resolved.forEach(value -> resolvedValues.add(value.asText()));
            }
            if (resolvedValues.isEmpty() && resolvedPrefixes.isEmpty()) {
                errors.add(base + "/status/resolvedValues", "a non-empty array of the values that mean resolved");
            }
        }

        Expression severityPointer = null;
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

        Map<String, Expression> details = named(mapping.get("details"), base + "/details", errors);
        Map<String, Expression> labels = named(mapping.get("labels"), base + "/labels", errors);
        List<LinkRule> links = new ArrayList<>();
        JsonNode linkRules = mapping.get("links");
        if (linkRules != null && !linkRules.isNull()) {
            if (!linkRules.isArray()) {
                errors.add(base + "/links", "an array of {\"pointer\", \"text\"}");
            } else {
                for (int i = 0; i < linkRules.size(); i++) {
                    Expression href = pointer(linkRules.get(i).get("pointer"), base + "/links/" + i + "/pointer", errors);
                    links.add(new LinkRule(href, linkRules.get(i).path("text").asText(null)));
                }
            }
        }
        errors.throwIfAny();
        GenericMapping parsed = new GenericMapping(source, summary, dedupKey, statusPointer, resolvedValues,
                resolvedPrefixes, severityPointer, severityValues, startsAt, details, labels, links);
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

    private static void requirePresent(JsonNode sample, List<Expression> expressions, String field, Errors errors) {
        if (!expressions.isEmpty() && expressions.stream().allMatch(expression -> expression.matches(sample).isEmpty())) {
            errors.add(field, "points nowhere in the sample ("
                    + String.join(", ", expressions.stream().map(Expression::text).toList()) + ")");
        }
    }

    public static boolean missing(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull();
    }

    private static List<Expression> pointers(JsonNode node, String field, boolean required, Errors errors) {
        List<Expression> pointers = new ArrayList<>();
        if (node == null || node.isNull()) {
            if (required) {
                errors.add(field, "is required (a JSON Pointer such as \"/title\" or a JSONPath such as "
                        + "\"$.title\", or a list of them)");
            }
            return pointers;
        }
        if (node.isArray()) {
            if (node.isEmpty()) {
                errors.add(field, "an empty list points nowhere");
            }
            for (int i = 0; i < node.size(); i++) {
                Expression pointer = pointer(node.get(i), field + "/" + i, errors);
                if (pointer != null) {
                    pointers.add(pointer);
                }
            }
            return pointers;
        }
        Expression pointer = pointer(node, field, errors);
        if (pointer != null) {
            pointers.add(pointer);
        }
        return pointers;
    }

    /** One expression, or a list of alternatives (the first that finds something wins). */
    private static Expression pointer(JsonNode node, String field, Errors errors) {
        if (node != null && node.isArray() && !node.isEmpty()) {
            List<Expression> alternatives = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                Expression alternative = pointer(node.get(i), field + "/" + i, errors);
                if (alternative != null) {
                    alternatives.add(alternative);
                }
            }
            return alternatives.size() == node.size() ? new Expression.FirstOf(List.copyOf(alternatives)) : null;
        }
        if (node == null || !node.isTextual()) {
            errors.add(field, "must be a JSON Pointer string such as \"/title\" or a JSONPath such as \"$.title\"");
            return null;
        }
        try {
            return Expression.compile(node.asText());
        } catch (IllegalArgumentException e) {
            errors.add(field, e.getMessage());
            return null;
        }
    }

    private static Map<String, Expression> named(JsonNode node, String field, Errors errors) {
        Map<String, Expression> named = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return named;
        }
        if (!node.isObject()) {
            errors.add(field, "an object from a name to a JSON Pointer or JSONPath");
            return named;
        }
        node.fields().forEachRemaining(entry -> {
            Expression pointer = pointer(entry.getValue(), field + "/" + escape(entry.getKey()), errors);
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

package io.commandpost.ingest.mapping;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import io.commandpost.ingest.intake.StrictJson;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a mapping reads a value in a body: a JSON Pointer (RFC 6901: {@code /data/title}, or {@code ""} for
 * the whole body) or a JSONPath ({@code $.data.title}, {@code $.tags[*]}), compiled once when the mapping
 * is read. A pointer finds at most one value; a JSONPath that is not definite (wildcards, filters, deep
 * scan, unions) may find several.
 */
public sealed interface Expression permits Expression.Pointer, Expression.Path, Expression.FirstOf {

    /** The expression as written in the mapping. */
    String text();

    /** The non-null values found in the body, in document order; empty when it finds nothing. */
    List<JsonNode> matches(JsonNode body);

    /** Whether it may find several values (then a detail it feeds is always a list). */
    boolean multiple();

    /** The JSON Pointer to name in an error about the body: the pointer itself, or a definite path's; else "". */
    String pointerForErrors();

    /**
     * @throws IllegalArgumentException saying what is wrong with the text
     */
    static Expression compile(String text) {
        if (text.isEmpty() || text.startsWith("/")) {
            try {
                return new Pointer(JsonPointer.compile(text));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + text + "' is not a JSON Pointer: " + e.getMessage(), e);
            }
        }
        if (text.startsWith("$")) {
            try {
                return new Path(JsonPath.compile(text), text);
            } catch (RuntimeException e) {
                // InvalidPathException, and IllegalArgument/StringIndexOutOfBounds from some malformed filters
                throw new IllegalArgumentException("'" + text + "' is not a JSONPath: " + e.getMessage(), e);
            }
        }
        throw new IllegalArgumentException("'" + text + "' points nowhere: a JSON Pointer starts with '/', "
                + "a JSONPath with '$'");
    }

    /**
     * Alternatives for one value, as a list in the mapping ({@code ["/event_value", "/status"]}): the first that
     * finds something wins, so one field serves senders whose templates name it differently.
     */
    record FirstOf(List<Expression> alternatives) implements Expression {

        @Override
        public String text() {
            return String.join(", ", alternatives.stream().map(Expression::text).toList());
        }

        @Override
        public List<JsonNode> matches(JsonNode body) {
            for (Expression alternative : alternatives) {
                List<JsonNode> found = alternative.matches(body);
                if (!found.isEmpty()) {
                    return found;
                }
            }
            return List.of();
        }

        @Override
        public boolean multiple() {
            return alternatives.stream().anyMatch(Expression::multiple);
        }

        @Override
        public String pointerForErrors() {
            return alternatives.get(0).pointerForErrors();
        }
    }

    /** A JSON Pointer: the value there, unless it is absent or null. */
    record Pointer(JsonPointer pointer) implements Expression {

        @Override
        public String text() {
            return pointer.toString();
        }

        @Override
        public List<JsonNode> matches(JsonNode body) {
            JsonNode node = body.at(pointer);
            return GenericMapping.missing(node) ? List.of() : List.of(node);
        }

        @Override
        public boolean multiple() {
            return false;
        }

        @Override
        public String pointerForErrors() {
            return pointer.toString();
        }
    }

    /** A JSONPath (Jayway), evaluated directly on the Jackson tree the service already parsed. */
    record Path(JsonPath path, String text) implements Expression {

        private static final Configuration JACKSON = Configuration.builder()
                .jsonProvider(new JacksonJsonNodeJsonProvider(StrictJson.mapper()))
                .mappingProvider(new JacksonMappingProvider(StrictJson.mapper()))
                // a missing property is "nothing found", never an exception
                .options(EnumSet.of(Option.SUPPRESS_EXCEPTIONS))
                .build();

        /** One step of a definite path as Jayway normalises it: {@code ['name']} or {@code [3]}. */
        private static final Pattern STEP = Pattern.compile("\\['((?:[^'\\\\]|\\\\.)*)'\\]|\\[(\\d+)\\]");

        @Override
        public List<JsonNode> matches(JsonNode body) {
            Object result = path.read(body, JACKSON);
            if (result == null) {
                return List.of();
            }
            JsonNode node = result instanceof JsonNode json ? json : StrictJson.mapper().valueToTree(result);
            if (path.isDefinite()) {
                return GenericMapping.missing(node) ? List.of() : List.of(node);
            }
            List<JsonNode> found = new ArrayList<>();
            node.forEach(match -> {
                if (!GenericMapping.missing(match)) {
                    found.add(match);
                }
            });
            return found;
        }

        @Override
        public boolean multiple() {
            return !path.isDefinite();
        }

        @Override
        public String pointerForErrors() {
            String normalised = path.getPath();
            if (!path.isDefinite() || !normalised.startsWith("$")) {
                return "";
            }
            StringBuilder pointer = new StringBuilder();
            Matcher step = STEP.matcher(normalised);
            int at = 1;
            while (step.find() && step.start() == at) {
                String name = step.group(1) != null ? step.group(1).replace("\\'", "'") : step.group(2);
                pointer.append('/').append(GenericMapping.escape(name));
                at = step.end();
            }
            return at == normalised.length() ? pointer.toString() : "";
        }
    }
}

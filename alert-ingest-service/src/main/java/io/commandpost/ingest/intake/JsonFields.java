package io.commandpost.ingest.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lenient, pointer-aware reads from a parsed body: a missing or null field is absent, scalars are
 * taken as their text (numbers sent as strings and strings sent as numbers both work), and a value
 * of the wrong shape is a 400 naming its JSON pointer.
 */
public final class JsonFields {

    private JsonFields() {
    }

    public static String pointer(String parent, String field) {
        return parent + "/" + field.replace("~", "~0").replace("/", "~1");
    }

    public static JsonNode object(JsonNode parent, String field, String parentPointer) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw RejectedBodyException.field(pointer(parentPointer, field), "must be an object");
        }
        return node;
    }

    /** A scalar as text; null when absent. */
    public static String text(JsonNode parent, String field, String parentPointer) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isValueNode()) {
            throw RejectedBodyException.field(pointer(parentPointer, field), "must be a string");
        }
        return node.asText();
    }

    /** A map of strings (labels, annotations); null or absent is empty, values are kept byte for byte. */
    public static Map<String, String> stringMap(JsonNode parent, String field, String parentPointer) {
        JsonNode node = object(parent, field, parentPointer);
        Map<String, String> map = new LinkedHashMap<>();
        if (node == null) {
            return map;
        }
        String mapPointer = pointer(parentPointer, field);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode value = entry.getValue();
            if (value.isNull()) {
                continue;
            }
            if (!value.isValueNode()) {
                throw RejectedBodyException.field(pointer(mapPointer, entry.getKey()), "must be a string");
            }
            map.put(entry.getKey(), value.asText());
        }
        return map;
    }

    /** Any JSON object as plain Java values (for alert details); null or absent is empty. */
    public static Map<String, Object> anyMap(JsonNode parent, String field, String parentPointer) {
        JsonNode node = object(parent, field, parentPointer);
        if (node == null) {
            return new LinkedHashMap<>();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = StrictJson.mapper().convertValue(node, LinkedHashMap.class);
        return map;
    }
}

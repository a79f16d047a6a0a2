package io.commandpost.ingest.integration.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.commandpost.events.EventJson;
import io.commandpost.ingest.intake.JsonFields;
import io.commandpost.ingest.intake.StrictJson;
import io.commandpost.ingest.integration.Integration;
import io.commandpost.ingest.integration.IntegrationType;
import io.commandpost.platform.http.InvalidInputException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A JSON Merge Patch (RFC 7396) of an integration's editable fields, applied to the integration as the
 * API shows it: members replace, {@code null} removes, objects (a mapping, the channel map) merge
 * member by member, arrays replace. The result is checked as a creation request would be.
 */
final class IntegrationPatch {

    /** What a patch of each type may contain besides name, defaultPriority and the unchangeable team/type. */
    private static final Map<IntegrationType, Set<String>> TYPE_FIELDS = Map.of(
            IntegrationType.SLACK, Set.of("channels"),
            IntegrationType.GENERIC, Set.of("mapping", "sample"),
            IntegrationType.HEARTBEAT, Set.of("intervalMinutes"));
    private static final Set<String> COMMON_FIELDS = Set.of("name", "defaultPriority", "team", "type");

    private IntegrationPatch() {
    }

    /**
     * @param patch the request body, a JSON object
     * @return the integration after the patch, as a request to check
     * @throws InvalidInputException naming a field that cannot be changed or sent
     * @throws JsonProcessingException naming a field of the wrong JSON type (mapped to 400 by the platform)
     */
    static IntegrationRequest apply(Integration current, JsonNode patch) throws JsonProcessingException {
        if (patch == null || !patch.isObject()) {
            throw InvalidInputException.field("", "a merge patch is a JSON object of the fields to change");
        }
        Set<String> typeFields = TYPE_FIELDS.getOrDefault(current.type(), Set.of());
        for (Iterator<String> names = patch.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!COMMON_FIELDS.contains(name) && !typeFields.contains(name)) {
                throw InvalidInputException.field(JsonFields.pointer("", name),
                        "cannot be changed on a " + current.type().wireName() + " integration; editable: name, "
                                + "defaultPriority" + (typeFields.isEmpty() ? "" : ", " + String.join(", ",
                                typeFields.stream().filter(field -> !field.equals("sample")).sorted().toList())));
            }
        }
        unchanged(patch, "team", current.team(), text(patch, "team"));
        unchanged(patch, "type", current.type().wireName(), IntegrationType.fromWireName(text(patch, "type"))
                .map(IntegrationType::wireName).orElse(null));
        JsonNode merged = merge(document(current), patch);
        return StrictJson.mapper().treeToValue(merged, IntegrationRequest.class);
    }

    /** An immutable field may be sent only with its current value (so a GET's fields can be sent back). */
    private static void unchanged(JsonNode patch, String field, String current, String sent) {
        if (patch.has(field) && !current.equals(sent)) {
            throw InvalidInputException.field("/" + field, "cannot be changed (is '" + current + "')");
        }
    }

    private static String text(JsonNode patch, String field) {
        return patch.path(field).isTextual() ? patch.get(field).asText().trim() : null;
    }

    private static ObjectNode document(Integration current) {
        ObjectNode document = EventJson.mapper().createObjectNode();
        document.put("team", current.team());
        document.put("type", current.type().wireName());
        document.put("name", current.name());
        if (current.defaultPriority() != null) {
            document.put("defaultPriority", current.defaultPriority().name());
        }
        if (current.settings().channels() != null) {
            document.set("channels", EventJson.mapper().valueToTree(current.settings().channels()));
        }
        if (current.settings().mapping() != null) {
            document.set("mapping", current.settings().mapping().deepCopy());
        }
        if (current.settings().intervalMinutes() != null) {
            document.put("intervalMinutes", current.settings().intervalMinutes());
        }
        return document;
    }

    /** RFC 7396, section 2. */
    static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject()
                ? ((ObjectNode) target).deepCopy() : EventJson.mapper().createObjectNode();
        patch.fields().forEachRemaining(member -> {
            if (member.getValue().isNull()) {
                result.remove(member.getKey());
            } else {
                result.set(member.getKey(), merge(result.get(member.getKey()), member.getValue()));
            }
        });
        return result;
    }
}

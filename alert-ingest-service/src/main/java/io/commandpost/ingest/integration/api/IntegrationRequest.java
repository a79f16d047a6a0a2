package io.commandpost.ingest.integration.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Body of {@code POST /v1/integrations}. Strings here, checked by the resource, so that errors name the field.
 *
 * @param signingSecret   slack: the app's signing secret (stored encrypted, never returned)
 * @param channels        slack: channel id → team for Events API messages (and slash commands from them)
 * @param mapping         generic: the JSON Pointer mapping (see GenericMapping)
 * @param sample          generic, optional: a sample payload every pointer of the mapping must find
 * @param intervalMinutes heartbeat: a ping is expected at least this often
 */
public record IntegrationRequest(String team, String type, String name, String defaultPriority,
                                 String signingSecret, Map<String, String> channels, JsonNode mapping,
                                 JsonNode sample, Integer intervalMinutes) {
}

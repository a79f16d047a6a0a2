package io.commandpost.ingest.integration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * What only some types need: Slack's channel id → team map, the generic integration's JSON mapping,
 * the heartbeat's expected interval. Stored as JSON; holds no secret.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IntegrationSettings(Map<String, String> channels, JsonNode mapping, Integer intervalMinutes) {

    public static final IntegrationSettings NONE = new IntegrationSettings(null, null, null);

    public Map<String, String> channelsOrEmpty() {
        return channels == null ? Map.of() : channels;
    }
}

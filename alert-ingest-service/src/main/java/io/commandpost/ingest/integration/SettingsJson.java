package io.commandpost.ingest.integration;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.commandpost.events.EventJson;

/** {@link IntegrationSettings} ⇄ the jsonb column. */
final class SettingsJson {

    private SettingsJson() {
    }

    static String write(IntegrationSettings settings) {
        try {
            return EventJson.mapper().writeValueAsString(settings == null ? IntegrationSettings.NONE : settings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("integration settings are plain data", e);
        }
    }

    static IntegrationSettings read(String json) {
        if (json == null || json.isBlank()) {
            return IntegrationSettings.NONE;
        }
        try {
            return EventJson.mapper().readValue(json, IntegrationSettings.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable integration settings: " + e.getOriginalMessage(), e);
        }
    }
}

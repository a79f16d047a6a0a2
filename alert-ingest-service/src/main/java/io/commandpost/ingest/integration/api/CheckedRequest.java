package io.commandpost.ingest.integration.api;

import io.commandpost.events.Priority;
import io.commandpost.ingest.mapping.GenericMapping;
import io.commandpost.ingest.intake.JsonFields;
import io.commandpost.ingest.integration.IntegrationSettings;
import io.commandpost.ingest.integration.IntegrationType;
import io.commandpost.platform.http.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An {@link IntegrationRequest} checked field by field, with the same rules on creation and on edit
 * (an edit checks the integration as it would be after the patch).
 */
record CheckedRequest(String team, IntegrationType type, String name, Priority defaultPriority,
                      IntegrationSettings settings) {

    static final int MAX_HEARTBEAT_MINUTES = 7 * 24 * 60;

    /**
     * Everything but a Slack signing secret, which only creation takes ({@link #signingSecret}).
     *
     * @throws InvalidInputException naming the first field that is wrong
     */
    static CheckedRequest of(IntegrationRequest request) {
        if (request == null) {
            throw InvalidInputException.field("", "a JSON object with team, type and name is required");
        }
        String team = required("/team", request.team());
        String name = required("/name", request.name());
        IntegrationType type = IntegrationType.fromWireName(required("/type", request.type()))
                .orElseThrow(() -> InvalidInputException.field("/type",
                        "unknown type '" + request.type() + "'; one of " + IntegrationType.wireNames()));
        Priority priority = null;
        if (request.defaultPriority() != null) {
            priority = Priority.fromSeverity(request.defaultPriority())
                    .orElseThrow(() -> InvalidInputException.field("/defaultPriority", "must be one of P1..P5"));
        }
        return new CheckedRequest(team, type, name, priority, settings(type, request));
    }

    static String signingSecret(IntegrationRequest request) {
        return required("/signingSecret", request.signingSecret());
    }

    private static IntegrationSettings settings(IntegrationType type, IntegrationRequest request) {
        switch (type) {
            case SLACK:
                return new IntegrationSettings(channels(request.channels()), null, null);
            case GENERIC:
                GenericMapping.parse(request.mapping(), "/mapping", request.sample());
                return new IntegrationSettings(null, request.mapping(), null);
            case HEARTBEAT:
                Integer interval = request.intervalMinutes();
                if (interval == null || interval < 1 || interval > MAX_HEARTBEAT_MINUTES) {
                    throw InvalidInputException.field("/intervalMinutes",
                            "a heartbeat needs the expected interval in minutes, 1.." + MAX_HEARTBEAT_MINUTES);
                }
                return new IntegrationSettings(null, null, interval);
            default:
                return IntegrationSettings.NONE;
        }
    }

    private static Map<String, String> channels(Map<String, String> channels) {
        if (channels == null) {
            return Map.of();
        }
        Map<String, String> checked = new LinkedHashMap<>();
        channels.forEach((channel, team) -> checked.put(channel.trim(),
                required(JsonFields.pointer("/channels", channel), team)));
        return checked;
    }

    static String required(String pointer, String value) {
        if (value == null || value.isBlank()) {
            throw InvalidInputException.field(pointer, "is required");
        }
        return value.trim();
    }
}

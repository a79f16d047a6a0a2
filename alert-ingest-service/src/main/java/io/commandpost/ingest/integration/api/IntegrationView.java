package io.commandpost.ingest.integration.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.commandpost.ingest.integration.Integration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An integration as the API shows it. {@code token} is only ever set in the answer that created or
 * rotated it; a Slack signing secret is never shown.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IntegrationView(UUID id, String team, String type, String name, String defaultPriority,
                              String webhookUrl, String token, Map<String, String> channels, JsonNode mapping,
                              Integer intervalMinutes, Instant createdAt, Instant tokenRotatedAt,
                              Instant revokedAt) {

    static IntegrationView of(Integration integration) {
        return withToken(integration, null);
    }

    static IntegrationView withToken(Integration integration, String token) {
        return new IntegrationView(integration.id(), integration.team(), integration.type().wireName(),
                integration.name(),
                integration.defaultPriority() == null ? null : integration.defaultPriority().name(),
                integration.type().webhookPath(), token, integration.settings().channels(),
                integration.settings().mapping(), integration.settings().intervalMinutes(),
                integration.createdAt(), integration.tokenRotatedAt(), integration.revokedAt());
    }
}

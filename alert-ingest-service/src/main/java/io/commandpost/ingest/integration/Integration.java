package io.commandpost.ingest.integration;

import io.commandpost.events.Priority;
import io.commandpost.ingest.intake.IntakeContext;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A sender allowed to post for one team. Its credentials are never part of it: only the token's hash
 * and (Slack) the encrypted signing secret are kept, apart from this record.
 *
 * @param version counts edits of name, default priority and settings (1 at creation); the API's ETag
 */
public record Integration(UUID id, String team, IntegrationType type, String name, Priority defaultPriority,
                          Instant createdAt, Instant tokenRotatedAt, Instant revokedAt, IntegrationSettings settings,
                          long version) {

    public static final long FIRST_VERSION = 1;

    public Integration {
        settings = settings == null ? IntegrationSettings.NONE : settings;
    }

    public Optional<Priority> defaultPriorityIfSet() {
        return Optional.ofNullable(defaultPriority);
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    /** What a format mapper needs to know of this integration for a delivery received at {@code receivedAt}. */
    public IntakeContext intakeAt(Instant receivedAt) {
        return new IntakeContext(team, id.toString(), defaultPriority, receivedAt);
    }
}

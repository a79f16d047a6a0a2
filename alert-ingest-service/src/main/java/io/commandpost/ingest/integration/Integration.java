package io.commandpost.ingest.integration;

import io.commandpost.events.Priority;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A sender allowed to post alerts for one team. Its token is never part of it: only the token's hash is kept. */
public record Integration(UUID id, String team, IntegrationType type, String name, Priority defaultPriority,
                          Instant createdAt, Instant tokenRotatedAt, Instant revokedAt) {

    public Optional<Priority> defaultPriorityIfSet() {
        return Optional.ofNullable(defaultPriority);
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}

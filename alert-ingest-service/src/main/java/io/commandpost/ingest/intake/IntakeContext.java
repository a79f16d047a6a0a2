package io.commandpost.ingest.intake;

import io.commandpost.events.Priority;
import java.time.Instant;

/**
 * Who sent a webhook and when it arrived: everything a format mapper needs besides the body. Made by
 * {@code Integration.intakeAt}; the intake's shared types depend on no feature package.
 */
public record IntakeContext(String team, String integrationId, Priority defaultPriority, Instant receivedAt) {

    /** The alert's own severity when it names one, else the integration's default, else P3. */
    public Priority priorityFor(String severity) {
        return Priority.fromSeverity(severity).orElse(defaultPriority != null ? defaultPriority : Priority.P3);
    }
}

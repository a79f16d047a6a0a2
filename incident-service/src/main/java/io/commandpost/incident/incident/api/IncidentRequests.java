package io.commandpost.incident.incident.api;

import io.commandpost.events.IncidentEvent.Audience;
import io.commandpost.events.IncidentEvent.Role;
import io.commandpost.events.Severity;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Request bodies of the incident API. Who acts is the caller's credential, never the body: a {@code by} that an
 * older client still sends is ignored (ADR 0023).
 */
public final class IncidentRequests {

    private IncidentRequests() {
    }

    /** Declare by hand, from alerts of the team's queue ({@code alertKeys}) or from a question ({@code questionId}). */
    public record Declare(String team, String title, Severity severity, List<String> alertKeys, UUID questionId) {
    }

    public record HandOff(String to) {
    }

    public record RoleChange(Role role, String person) {
    }

    public record Delegate(String title, String assignee, Instant dueAt) {
    }

    public record Reassign(String assignee) {
    }

    public record Cancel(String reason) {
    }

    public record StatusUpdate(Audience audience, String text) {
    }

    public record SeverityChange(Severity severity, String reason) {
    }

    public record Note(String note) {
    }

    public record Resolve(String summary) {
    }
}

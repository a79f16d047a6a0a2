package io.commandpost.incident.incident.api;

import io.commandpost.events.IncidentEvent.Audience;
import io.commandpost.events.IncidentEvent.Role;
import io.commandpost.events.Severity;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Request bodies of the incident API; {@code by} names who acts. */
public final class IncidentRequests {

    private IncidentRequests() {
    }

    /** Declare by hand, from alerts of the team's queue ({@code alertKeys}) or from a question ({@code questionId}). */
    public record Declare(String team, String title, Severity severity, List<String> alertKeys, UUID questionId,
                         String by) {
    }

    public record HandOff(String to, String by) {
    }

    public record RoleChange(Role role, String person, String by) {
    }

    public record Delegate(String title, String assignee, Instant dueAt, String by) {
    }

    public record Reassign(String assignee, String by) {
    }

    public record By(String by) {
    }

    public record Cancel(String reason, String by) {
    }

    public record StatusUpdate(Audience audience, String text, String by) {
    }

    public record SeverityChange(Severity severity, String reason, String by) {
    }

    public record Note(String note, String by) {
    }

    public record Resolve(String summary, String by) {
    }
}

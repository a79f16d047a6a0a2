package io.commandpost.incident.incident;

import io.commandpost.events.IncidentEvent.Audience;
import io.commandpost.events.IncidentEvent.Role;
import io.commandpost.events.Severity;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What people ask of an incident. {@code by} is always who asks. */
public sealed interface IncidentCommand {

    String by();

    /**
     * @param severity        null for the installation's default
     * @param alertKeys       dedup keys of the alerts it is declared from (may be empty)
     * @param questionId      the question it is turned from, or null
     * @param impactStartedAt the earliest start of what it is declared from, or null for the declaration itself
     */
    record Declare(UUID incidentId, String team, String title, Severity severity, List<String> alertKeys,
                   UUID questionId, Instant impactStartedAt, String by) implements IncidentCommand {
    }

    /** {@code to} takes command (an explicit hand-off). */
    record HandOffCommand(String to, String by) implements IncidentCommand {
    }

    /**
     * @param memberOf the teams of the directory {@code person} belongs to (an expert must belong to one); the
     *                 service reads them from the team directory before deciding
     */
    record AssignRole(Role role, String person, List<String> memberOf, String by) implements IncidentCommand {

        public AssignRole {
            memberOf = memberOf == null ? List.of() : List.copyOf(memberOf);
        }

        /** A role other than expert, for which membership is not checked. */
        public AssignRole(Role role, String person, String by) {
            this(role, person, List.of(), by);
        }
    }

    record ReleaseRole(Role role, String person, String by) implements IncidentCommand {
    }

    /** @param dueAt null for the severity's default */
    record DelegateTask(UUID taskId, String title, String assignee, Instant dueAt, String by)
            implements IncidentCommand {
    }

    record ReassignTask(UUID taskId, String assignee, String by) implements IncidentCommand {
    }

    record StartTask(UUID taskId, String by) implements IncidentCommand {
    }

    record CompleteTask(UUID taskId, String by) implements IncidentCommand {
    }

    record CancelTask(UUID taskId, String reason, String by) implements IncidentCommand {
    }

    record PostStatusUpdate(Audience audience, String text, String by) implements IncidentCommand {
    }

    record Acknowledge(String by) implements IncidentCommand {
    }

    record ChangeSeverity(Severity to, String reason, String by) implements IncidentCommand {
    }

    record Mitigate(String note, String by) implements IncidentCommand {
    }

    record Resolve(String summary, String by) implements IncidentCommand {
    }
}

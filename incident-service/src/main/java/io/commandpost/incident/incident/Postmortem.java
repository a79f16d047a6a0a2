package io.commandpost.incident.incident;

import io.commandpost.events.IncidentEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The postmortem draft of an incident as Markdown: summary, impact window, durations, roles and their
 * holders, tasks, linked alerts, timeline. Every duration is measured from when the impact began
 * (the earliest linked alert's start, the question, or the declaration).
 */
public final class Postmortem {

    private Postmortem() {
    }

    /** Time to acknowledge, declare, mitigate, resolve; null when the milestone was not reached. */
    public record Durations(Duration toAcknowledge, Duration toDeclare, Duration toMitigate, Duration toResolve) {

        public static Durations of(Incident incident) {
            Instant start = incident.impactStartedAt();
            return new Durations(since(start, incident.acknowledgedAt()), since(start, incident.declaredAt()),
                    since(start, incident.mitigatedAt()), since(start, incident.resolvedAt()));
        }

        private static Duration since(Instant start, Instant milestone) {
            return milestone == null ? null : Duration.between(start, milestone);
        }
    }

    public static String markdown(Incident incident, List<? extends IncidentEvent> events) {
        StringBuilder md = new StringBuilder();
        md.append("# Postmortem: ").append(incident.title()).append("\n\n");
        md.append("## Summary\n\n");
        md.append("- Incident: ").append(incident.incidentId()).append('\n');
        md.append("- Team: ").append(incident.team()).append('\n');
        md.append("- Severity: ").append(incident.severity()).append('\n');
        md.append("- Declared by: ").append(incident.declaredBy()).append('\n');
        md.append("- Status: ").append(incident.resolved() ? "resolved" : incident.mitigatedAt() != null
                ? "mitigated" : "open").append('\n');
        events.stream().filter(IncidentEvent.IncidentResolved.class::isInstance)
                .map(IncidentEvent.IncidentResolved.class::cast).map(IncidentEvent.IncidentResolved::summary)
                .filter(s -> s != null && !s.isBlank()).reduce((a, b) -> b)
                .ifPresent(summary -> md.append("- Resolution: ").append(summary).append('\n'));

        md.append("\n## Impact window\n\n");
        md.append("- Impact began: ").append(incident.impactStartedAt()).append('\n');
        md.append("- Mitigated: ").append(orDash(incident.mitigatedAt())).append('\n');
        md.append("- Resolved: ").append(orDash(incident.resolvedAt())).append('\n');
        Instant end = incident.mitigatedAt() != null ? incident.mitigatedAt() : incident.resolvedAt();
        md.append("- Impact lasted: ").append(end == null ? "ongoing"
                : human(Duration.between(incident.impactStartedAt(), end))).append('\n');

        Durations durations = Durations.of(incident);
        md.append("\n## Durations (from the impact's start)\n\n");
        md.append("| milestone | at | time to |\n|---|---|---|\n");
        row(md, "acknowledge", incident.acknowledgedAt(), durations.toAcknowledge());
        row(md, "declare", incident.declaredAt(), durations.toDeclare());
        row(md, "mitigate", incident.mitigatedAt(), durations.toMitigate());
        row(md, "resolve", incident.resolvedAt(), durations.toResolve());

        md.append("\n## Roles\n\n| role | holder | from | until | assigned by |\n|---|---|---|---|---|\n");
        for (Incident.RoleTerm term : incident.roles()) {
            md.append("| ").append(roleName(term.role())).append(" | ").append(term.person()).append(" | ")
                    .append(term.from()).append(" | ").append(orDash(term.until())).append(" | ")
                    .append(term.assignedBy()).append(" |\n");
        }

        md.append("\n## Tasks\n\n");
        if (incident.tasks().isEmpty()) {
            md.append("None.\n");
        } else {
            md.append("| task | assignee | due | status | closed by | closed at |\n|---|---|---|---|---|---|\n");
            for (Incident.Task task : incident.tasks().values()) {
                md.append("| ").append(cell(task.title())).append(" | ").append(task.assignee()).append(" | ")
                        .append(task.dueAt()).append(" | ").append(task.status().name().toLowerCase(Locale.ROOT)
                                .replace('_', ' '))
                        .append(task.cancelReason() == null ? "" : " (" + cell(task.cancelReason()) + ")")
                        .append(" | ").append(task.closedBy() == null ? "—" : task.closedBy()).append(" | ")
                        .append(orDash(task.closedAt())).append(" |\n");
            }
        }

        md.append("\n## Linked alerts\n\n");
        if (incident.alertKeys().isEmpty()) {
            md.append("None.\n");
        }
        incident.alertKeys().forEach(key -> md.append("- `").append(key).append("`\n"));
        if (incident.questionId() != null) {
            md.append("\nDeclared from question ").append(incident.questionId()).append(".\n");
        }

        md.append("\n## Timeline\n\n| at | who | what |\n|---|---|---|\n");
        for (Timeline.Entry entry : Timeline.of(events)) {
            md.append("| ").append(entry.at()).append(" | ").append(entry.actor() == null ? "—" : entry.actor())
                    .append(" | ").append(cell(entry.text())).append(" |\n");
        }
        return md.toString();
    }

    private static void row(StringBuilder md, String milestone, Instant at, Duration duration) {
        md.append("| ").append(milestone).append(" | ").append(orDash(at)).append(" | ")
                .append(duration == null ? "—" : human(duration)).append(" |\n");
    }

    /** {@code 1h 05m 00s}, {@code 12m 30s}, {@code 45s}. */
    public static String human(Duration duration) {
        long seconds = duration.getSeconds();
        long h = seconds / 3600;
        long m = (seconds % 3600) / 60;
        long s = seconds % 60;
        if (h > 0) {
            return String.format(Locale.ROOT, "%dh %02dm %02ds", h, m, s);
        }
        if (m > 0) {
            return String.format(Locale.ROOT, "%dm %02ds", m, s);
        }
        return s + "s";
    }

    private static String roleName(String role) {
        return Incident.COMMANDER.equals(role) ? "Incident Commander"
                : Timeline.role(IncidentEvent.Role.valueOf(role));
    }

    private static String orDash(Instant instant) {
        return instant == null ? "—" : instant.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}

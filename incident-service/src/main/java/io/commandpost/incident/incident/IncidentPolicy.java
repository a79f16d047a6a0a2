package io.commandpost.incident.incident;

import io.commandpost.events.Severity;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What severities mean in this installation and the clocks they set: how often the commander owes a
 * status update, when a delegated task is due unless the commander says otherwise, and how often an
 * overdue task is reminded again. Configuration, kept apart from any incident's state.
 *
 * @param defaultSeverity  the severity of an incident declared without one
 * @param severities       one entry per severity
 * @param overdueReminderEvery the interval between reminders of a task still overdue
 */
public record IncidentPolicy(Severity defaultSeverity, Map<Severity, SeverityRule> severities,
                             Duration overdueReminderEvery) {

    /**
     * @param definition   what the severity means, shown to whoever declares
     * @param updateEvery  the status update cadence
     * @param taskDueAfter a delegated task's default due time, from its delegation
     */
    public record SeverityRule(String definition, Duration updateEvery, Duration taskDueAfter) {
    }

    public IncidentPolicy {
        Objects.requireNonNull(defaultSeverity, "defaultSeverity");
        Objects.requireNonNull(overdueReminderEvery, "overdueReminderEvery");
        EnumMap<Severity, SeverityRule> copy = new EnumMap<>(Severity.class);
        copy.putAll(severities);
        for (Severity severity : Severity.values()) {
            if (!copy.containsKey(severity)) {
                throw new IllegalArgumentException("no rule for " + severity);
            }
        }
        severities = Map.copyOf(copy);
    }

    /** The defaults: SEV1 every 30 min, SEV2 every hour, SEV3/SEV4 every 4 h / 24 h; tasks due +1 h for SEV1/2, +1 day else. */
    public static IncidentPolicy defaults() {
        return new IncidentPolicy(Severity.SEV3, Map.of(
                Severity.SEV1, new SeverityRule("Critical: customers cannot use a core service", Duration.ofMinutes(30),
                        Duration.ofHours(1)),
                Severity.SEV2, new SeverityRule("Major: a core service is degraded for many customers",
                        Duration.ofHours(1), Duration.ofHours(1)),
                Severity.SEV3, new SeverityRule("Minor: some customers see a non-core problem", Duration.ofHours(4),
                        Duration.ofDays(1)),
                Severity.SEV4, new SeverityRule("Low: no customer impact yet", Duration.ofHours(24),
                        Duration.ofDays(1))),
                Duration.ofMinutes(30));
    }

    public SeverityRule rule(Severity severity) {
        return severities.get(severity);
    }
}

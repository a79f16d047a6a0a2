package io.commandpost.incident.incident.config;

import io.commandpost.events.Severity;
import io.commandpost.incident.incident.IncidentPolicy;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** {@code commandpost.incident.*}: what severities mean here and the clocks they set. */
@ConfigMapping(prefix = "commandpost.incident")
public interface IncidentSettings {

    /** The severity of an incident declared without one. */
    @WithDefault("SEV3")
    Severity defaultSeverity();

    /** Interval between reminders of a task still overdue. */
    @WithDefault("30m")
    Duration overdueReminderEvery();

    /** One entry per severity, keyed {@code sev1} … {@code sev4}. */
    Map<String, SeverityRule> severities();

    interface SeverityRule {
        String definition();

        Duration updateEvery();

        Duration taskDueAfter();
    }

    default IncidentPolicy policy() {
        Map<Severity, IncidentPolicy.SeverityRule> rules = new EnumMap<>(Severity.class);
        severities().forEach((key, rule) -> rules.put(Severity.valueOf(key.toUpperCase(Locale.ROOT)),
                new IncidentPolicy.SeverityRule(rule.definition(), rule.updateEvery(), rule.taskDueAfter())));
        return new IncidentPolicy(defaultSeverity(), rules, overdueReminderEvery());
    }
}

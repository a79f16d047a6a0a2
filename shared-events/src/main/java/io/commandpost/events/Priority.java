package io.commandpost.events;

import java.util.Locale;
import java.util.Optional;

/** Opsgenie's P1 (most urgent) to P5 scale, carried by every alert. */
public enum Priority {
    P1, P2, P3, P4, P5;

    /** PagerDuty-style severity: critical→P1, error→P2, warning→P3, info→P5. */
    public static Optional<Priority> fromSeverity(String severity) {
        if (severity == null) {
            return Optional.empty();
        }
        return switch (severity.trim().toLowerCase(Locale.ROOT)) {
            case "critical" -> Optional.of(P1);
            case "error", "high" -> Optional.of(P2);
            case "warning", "warn", "medium" -> Optional.of(P3);
            case "low" -> Optional.of(P4);
            case "info", "informational" -> Optional.of(P5);
            case "p1", "p2", "p3", "p4", "p5" -> Optional.of(valueOf(severity.trim().toUpperCase(Locale.ROOT)));
            default -> Optional.empty();
        };
    }
}

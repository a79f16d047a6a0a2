package io.commandpost.events;

import java.util.List;
import java.util.Map;

/** One topic per aggregate type, keyed by aggregate id. Names are defined here and nowhere else. */
public final class Topics {

    public static final String ALERTS = "commandpost.alerts.v1";
    public static final String QUESTIONS = "commandpost.questions.v1";
    public static final String TEAMS = "commandpost.teams.v1";
    public static final String SHIFTS = "commandpost.shifts.v1";
    public static final String INCIDENTS = "commandpost.incidents.v1";
    public static final String NOTIFICATIONS = "commandpost.notifications.v1";
    public static final String CHANGES = "commandpost.changes.v1";
    /** Changes to CommandPost's own settings (the audit's record of them). */
    public static final String CONFIG = "commandpost.config.v1";

    /** Every event topic of the contract. */
    public static final List<String> ALL = List.of(ALERTS, QUESTIONS, TEAMS, SHIFTS, INCIDENTS, NOTIFICATIONS, CHANGES,
            CONFIG);

    /**
     * Request bodies that intake refused, with the reason, for an operator to inspect and replay. Not an
     * event topic: records are the raw bodies; retention is bounded in time and size.
     */
    public static final String QUARANTINE = "commandpost.ingest.quarantine.v1";

    /**
     * How every event topic and dead-letter topic is kept: for ever, whatever the broker's default, since
     * projections are rebuilt by replaying them from the beginning.
     */
    public static final Map<String, String> KEPT_FOR_EVER = Map.of(
            "cleanup.policy", "delete",
            "retention.ms", "-1",
            "retention.bytes", "-1");

    /** The quarantine keeps refused bodies 14 days and at most 512 MiB, each at most 1 MiB. */
    public static final Map<String, String> QUARANTINE_RETENTION = Map.of(
            "cleanup.policy", "delete",
            "retention.ms", String.valueOf(14L * 24 * 60 * 60 * 1000),
            "retention.bytes", String.valueOf(512L * 1024 * 1024),
            "max.message.bytes", String.valueOf(1024 * 1024));

    private Topics() {
    }

    /** The explicit broker configs a topic is created with (and kept at): never the broker's defaults. */
    public static Map<String, String> configs(String topic) {
        return QUARANTINE.equals(topic) ? QUARANTINE_RETENTION : KEPT_FOR_EVER;
    }

    /** Dead letters of one consuming service: {@code commandpost.dlq.<service>}. */
    public static String deadLetter(String consumingService) {
        return "commandpost.dlq." + consumingService;
    }
}

package io.commandpost.events;

import java.util.List;

/** One topic per aggregate type, keyed by aggregate id. Names are defined here and nowhere else. */
public final class Topics {

    public static final String ALERTS = "commandpost.alerts.v1";
    public static final String QUESTIONS = "commandpost.questions.v1";
    public static final String TEAMS = "commandpost.teams.v1";
    public static final String SHIFTS = "commandpost.shifts.v1";
    public static final String INCIDENTS = "commandpost.incidents.v1";
    public static final String NOTIFICATIONS = "commandpost.notifications.v1";
    public static final String CHANGES = "commandpost.changes.v1";

    /** Every event topic of the contract. */
    public static final List<String> ALL = List.of(ALERTS, QUESTIONS, TEAMS, SHIFTS, INCIDENTS, NOTIFICATIONS, CHANGES);

    /**
     * Request bodies that intake refused, with the reason, for an operator to inspect and replay. Not an
     * event topic: records are the raw bodies; retention is bounded in time and size.
     */
    public static final String QUARANTINE = "commandpost.ingest.quarantine.v1";

    private Topics() {
    }

    /** Dead letters of one consuming service: {@code commandpost.dlq.<service>}. */
    public static String deadLetter(String consumingService) {
        return "commandpost.dlq." + consumingService;
    }
}

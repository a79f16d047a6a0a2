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

    public static final List<String> ALL = List.of(ALERTS, QUESTIONS, TEAMS, SHIFTS, INCIDENTS, NOTIFICATIONS);

    private Topics() {
    }

    /** Dead letters of one consuming service: {@code commandpost.dlq.<service>}. */
    public static String deadLetter(String consumingService) {
        return "commandpost.dlq." + consumingService;
    }
}

package io.commandpost.launcher;

/** The four CommandPost services: where their packaged jar lives, their default port and their database. */
public enum Service {
    ALERT_INGEST("alert-ingest-service", 8081, "commandpost_alert_ingest"),
    ROTATION("rotation-service", 8082, "commandpost_rotation"),
    INCIDENT("incident-service", 8083, "commandpost_incident"),
    NOTIFICATION("notification-service", 8084, "commandpost_notification");

    private final String moduleName;
    private final int defaultPort;
    private final String database;

    Service(String moduleName, int defaultPort, String database) {
        this.moduleName = moduleName;
        this.defaultPort = defaultPort;
        this.database = database;
    }

    /** The Maven module, also the name of the process and of its log file. */
    public String moduleName() {
        return moduleName;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public String database() {
        return database;
    }
}

package io.commandpost.launcher;

/**
 * The CommandPost services: where their packaged jar lives, their default port and their database (the console
 * has none: it serves the pages and routes the public API to the others).
 */
public enum Service {
    // the front door holds whole webhook bodies and their events while the broker acknowledges them:
    // at 64 senders of 100 alerts, a 256 MB heap halved its rate (docs/benchmarks.md)
    ALERT_INGEST("alert-ingest-service", 8081, "commandpost_alert_ingest", "512m"),
    ROTATION("rotation-service", 8082, "commandpost_rotation", "256m"),
    INCIDENT("incident-service", 8083, "commandpost_incident", "256m"),
    NOTIFICATION("notification-service", 8084, "commandpost_notification", "256m"),
    CONSOLE("console", 8080, null, "192m");

    private final String moduleName;
    private final int defaultPort;
    private final String database;
    private final String maxHeap;

    Service(String moduleName, int defaultPort, String database, String maxHeap) {
        this.moduleName = moduleName;
        this.defaultPort = defaultPort;
        this.database = database;
        this.maxHeap = maxHeap;
    }

    /** The Maven module, also the name of the process and of its log file. */
    public String moduleName() {
        return moduleName;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** Its database, or null (the console). */
    public String database() {
        return database;
    }

    public boolean hasDatabase() {
        return database != null;
    }

    /** The {@code -Xmx} the run command gives this service unless its JVM arguments say otherwise. */
    public String maxHeap() {
        return maxHeap;
    }
}

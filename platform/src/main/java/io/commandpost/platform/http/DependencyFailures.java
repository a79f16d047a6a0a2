package io.commandpost.platform.http;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * Tells a dependency that is down or stalled (connection refused or lost, a pool that cannot hand out a
 * connection in time, PostgreSQL shutting down, a broker timeout) from a fault of this service, and logs
 * one warning per outage instead of a stack trace per request: an outage is over after {@link #QUIET} with
 * no failure of that dependency.
 */
public final class DependencyFailures {

    static final Duration QUIET = Duration.ofSeconds(30);

    /** The process-wide record, so an outage is warned about once whoever meets it first. */
    public static final DependencyFailures SHARED = new DependencyFailures(System::nanoTime);

    private final ConcurrentHashMap<String, Long> lastFailure = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    public DependencyFailures(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** The failure's dependency ("database", "broker") when it is one being down; null for anything else. */
    public static String dependencyOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DependencyUnavailableException unavailable) {
                return unavailable.dependency();
            }
            if (cause instanceof SQLException sql && databaseDown(sql)) {
                return "database";
            }
            if (cause.getClass().getName().startsWith("org.apache.kafka.common.errors.")
                    && (cause.getClass().getSimpleName().equals("TimeoutException")
                    || cause.getClass().getSimpleName().equals("NetworkException"))) {
                return "broker";
            }
            if (cause instanceof ConnectException || cause instanceof SocketTimeoutException
                    || cause instanceof NoRouteToHostException || cause instanceof TimeoutException) {
                return "a dependency";
            }
        }
        return null;
    }

    static boolean databaseDown(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        return e instanceof SQLTransientException || e instanceof SQLRecoverableException
                || e instanceof SQLNonTransientConnectionException
                || state.startsWith("08") || state.startsWith("57P") || state.equals("53300")
                || message.contains("acquisition timeout") || message.contains("connection");
    }

    /** Whether the dependency failed within {@code window}: callers may answer from what they know without waiting. */
    public boolean failedWithin(String dependency, Duration window) {
        Long last = lastFailure.get(dependency);
        return last != null && nanoTime.getAsLong() - last <= window.toNanos();
    }

    /**
     * @return true when this failure starts an outage of the dependency (log a warning), false while one
     *         is already going on (stay quiet)
     */
    public boolean firstOfOutage(String dependency) {
        long now = nanoTime.getAsLong();
        Long previous = lastFailure.put(dependency, now);
        return previous == null || now - previous > QUIET.toNanos();
    }
}

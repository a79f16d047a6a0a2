package io.commandpost.platform.eventing;

/** An append whose expected version is not the stream's current one: the caller decided on stale state. */
public class ConcurrencyConflictException extends RuntimeException {

    private final String streamId;
    private final long expectedVersion;
    private final long actualVersion;

    public ConcurrencyConflictException(String streamId, long expectedVersion, long actualVersion) {
        super(actualVersion < 0
                ? "stream " + streamId + " moved past version " + expectedVersion + " concurrently"
                : "stream " + streamId + " is at version " + actualVersion + ", not " + expectedVersion);
        this.streamId = streamId;
        this.expectedVersion = expectedVersion;
        this.actualVersion = actualVersion;
    }

    public String streamId() {
        return streamId;
    }

    public long expectedVersion() {
        return expectedVersion;
    }

    /** The stream's version when known, -1 when another writer won a race. */
    public long actualVersion() {
        return actualVersion;
    }

    /** Whether {@code e} or one of its causes is a lost append race (transactions wrap it). */
    public static boolean isCauseOf(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyConflictException) {
                return true;
            }
        }
        return false;
    }
}

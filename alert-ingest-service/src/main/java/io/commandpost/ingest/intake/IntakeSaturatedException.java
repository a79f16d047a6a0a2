package io.commandpost.ingest.intake;

/** Too much work in flight: the sender is asked to come back (503 + Retry-After); nothing was accepted. */
public class IntakeSaturatedException extends RuntimeException {

    private final int retryAfterSeconds;

    public IntakeSaturatedException(int retryAfterSeconds) {
        super("intake is at its in-flight limit");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}

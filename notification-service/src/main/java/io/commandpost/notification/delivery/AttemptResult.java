package io.commandpost.notification.delivery;

/**
 * The outcome of one POST to the receiver.
 *
 * @param retryable false when trying again cannot help (the receiver rejected the page with a 4xx)
 */
public record AttemptResult(boolean delivered, boolean retryable, String detail) {

    public static AttemptResult ofStatus(int status) {
        if (status >= 200 && status < 300) {
            return new AttemptResult(true, false, "HTTP " + status);
        }
        boolean transientStatus = status >= 500 || status == 408 || status == 425 || status == 429;
        return new AttemptResult(false, transientStatus, "receiver answered HTTP " + status);
    }

    public static AttemptResult unreachable(Exception e) {
        return new AttemptResult(false, true, "receiver unreachable: " + e);
    }
}

package io.commandpost.notification.delivery;

import java.time.Duration;

/**
 * The outcome of one attempt through a channel.
 *
 * @param retryable         false when trying again cannot help (the receiver rejected the page with a 4xx)
 * @param retryAfter        the provider asked to wait at least this long (HTTP 429 {@code Retry-After}); null
 *                          when it did not say. The retry then waits for it instead of the backoff, and the
 *                          attempt is not counted against {@code max-attempts}.
 * @param providerChannel   where the provider keeps the message (a Slack channel id), null when not known
 * @param providerMessageId the provider's id of what it received (Slack {@code ts}, an email Message-ID)
 */
public record AttemptResult(boolean delivered, boolean retryable, String detail, Duration retryAfter,
                            String providerChannel, String providerMessageId) {

    public AttemptResult(boolean delivered, boolean retryable, String detail) {
        this(delivered, retryable, detail, null, null, null);
    }

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

    /** Delivered, and the provider's id of the message (kept with the delivery). */
    public static AttemptResult deliveredAs(String providerChannel, String providerMessageId, String detail) {
        return new AttemptResult(true, false, detail, null, providerChannel, providerMessageId);
    }

    /** Trying again cannot help (for example Slack's {@code channel_not_found}, {@code invalid_auth}). */
    public static AttemptResult failedForGood(String reason) {
        return new AttemptResult(false, false, reason);
    }

    /** The provider throttles: try again after {@code retryAfter}, without counting this attempt. */
    public static AttemptResult rateLimited(Duration retryAfter, String detail) {
        return new AttemptResult(false, true, detail, retryAfter, null, null);
    }
}

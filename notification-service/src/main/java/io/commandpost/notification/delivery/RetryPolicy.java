package io.commandpost.notification.delivery;

import java.time.Duration;

/** Exponential backoff between webhook attempts, capped, with a bounded number of attempts. */
public record RetryPolicy(int maxAttempts, Duration backoff, Duration maxBackoff) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** True when no attempt is left after {@code attempts} failed ones. */
    public boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }

    /** The wait after {@code failedAttempts} failures: backoff, 2×backoff, 4×backoff … up to maxBackoff. */
    public Duration delayAfter(int failedAttempts) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
        Duration delay = backoff.multipliedBy(1L << doublings);
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }
}

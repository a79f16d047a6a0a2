package io.commandpost.ingest.intake;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the durable publishes in flight, so that a storm queues in the senders' retries rather than
 * in this JVM's memory: a request that cannot get a permit within {@code acquire-timeout} is refused
 * with 503 + Retry-After before anything is accepted, so no alert is ever dropped.
 */
@ApplicationScoped
public class IntakeLimiter {

    private final Semaphore permits;
    private final int maxInFlight;
    private final long acquireNanos;
    private final int retryAfterSeconds;

    IntakeLimiter(IngestConfig config) {
        this.permits = new Semaphore(config.maxInFlight(), true);
        this.maxInFlight = config.maxInFlight();
        this.acquireNanos = config.acquireTimeout().toNanos();
        this.retryAfterSeconds = config.retryAfterSeconds();
    }

    /** Takes a permit or throws {@link IntakeSaturatedException}; pair with {@link #release()}. */
    public void acquire() {
        try {
            if (!permits.tryAcquire(acquireNanos, TimeUnit.NANOSECONDS)) {
                throw new IntakeSaturatedException(retryAfterSeconds);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IntakeSaturatedException(retryAfterSeconds);
        }
    }

    /** A permit if one is free right now (pair with {@link #release()}); never waits. */
    public boolean tryAcquire() {
        return permits.tryAcquire();
    }

    /** Whether {@link #acquire()} may wait for a permit ({@code acquire-timeout} above zero). */
    public boolean waits() {
        return acquireNanos > 0;
    }

    public void release() {
        permits.release();
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public int inFlight() {
        return maxInFlight - permits.availablePermits();
    }
}

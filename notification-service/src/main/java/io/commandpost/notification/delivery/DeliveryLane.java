package io.commandpost.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * One lane of deliveries (some kinds) with a bounded pool of workers. Its coordinator thread hands a
 * free worker the next claim, and as soon as that worker has claimed a row (before it POSTs) hands
 * the next worker the next one, until a claim comes back empty; then it sleeps until woken (a commit,
 * a finished delivery) or until the next delivery falls due (a retry's backoff), at most a sweep
 * interval. A worker never claims a delivery for a person who already has {@code perRecipient} deliveries
 * in flight in this lane, so a slow or failing receiver for one person holds at most that many workers
 * and everyone else's pages go on.
 */
final class DeliveryLane {

    private static final Logger LOG = Logger.getLogger(DeliveryLane.class);
    private static final Duration AFTER_ERROR = Duration.ofSeconds(1);

    private final String name;
    private final Set<DeliveryKind> kinds;
    private final WebhookDelivery delivery;
    private final Clock clock;
    private final Duration sweep;
    private final Semaphore wake = new Semaphore(0);
    private final Semaphore freeWorkers;
    private final int perRecipient;
    /** Deliveries in flight per recipient; those at {@link #perRecipient} are not claimed for. */
    private final Map<String, Integer> inFlight = new ConcurrentHashMap<>();
    private final ExecutorService workers;
    private volatile boolean running = true;
    private Thread coordinator;

    DeliveryLane(String name, Set<DeliveryKind> kinds, int workerCount, int perRecipient, WebhookDelivery delivery,
                 Clock clock, Duration sweep) {
        this.name = name;
        this.perRecipient = Math.max(1, Math.min(perRecipient, workerCount));
        this.kinds = Set.copyOf(kinds);
        this.delivery = delivery;
        this.clock = clock;
        this.sweep = sweep;
        this.freeWorkers = new Semaphore(workerCount);
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(workerCount, runnable -> {
            Thread thread = new Thread(runnable, "delivery-" + name + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    void start() {
        coordinator = new Thread(this::coordinate, "delivery-" + name);
        coordinator.setDaemon(true);
        coordinator.start();
    }

    void stop() {
        running = false;
        wake();
        workers.shutdown();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void wake() {
        wake.release();
    }

    private void coordinate() {
        while (running) {
            try {
                while (running && dispatchOne()) {
                    // keep handing out claims while deliveries are due
                }
                Duration untilDue = untilNextDue();
                if (!untilDue.isZero()) {
                    wake.tryAcquire(untilDue.toMillis(), TimeUnit.MILLISECONDS);
                }
                wake.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.warnf(e, "delivery lane %s will look again in %s", name, AFTER_ERROR);
                sleep(AFTER_ERROR);
            }
        }
    }

    /** Waits for a free worker and lets it claim; true when it claimed a delivery. */
    private boolean dispatchOne() throws Exception {
        freeWorkers.acquire();
        CompletableFuture<Boolean> claimed = new CompletableFuture<>();
        try {
            workers.execute(() -> work(claimed));
        } catch (RuntimeException e) {
            freeWorkers.release();
            throw e;
        }
        return claimed.get();
    }

    /**
     * One worker's turn. Afterwards it wakes the coordinator only when that can start something: the person had
     * as many deliveries in flight as they may (claims skipped them meanwhile), or the delivery is still pending
     * (a retry whose due time the sleeping coordinator does not know), or the turn failed. Otherwise the
     * coordinator's last claim, which came back empty, already saw every due row: waking it would only cost an
     * empty claim and a look at the next due time per delivery.
     */
    private void work(CompletableFuture<Boolean> claimed) {
        String[] recipient = new String[1];
        boolean wakeAfter = true;
        try {
            Optional<WebhookDelivery.Attempt> done = delivery.attempt(kinds, busyRecipients(), notification -> {
                recipient[0] = notification.recipientHandle();
                if (recipient[0] != null) {
                    inFlight.merge(recipient[0], 1, Integer::sum);
                }
                claimed.complete(true);
            });
            claimed.complete(done.isPresent());
            wakeAfter = done.isPresent() && done.get().stillPending();
        } catch (RuntimeException e) {
            LOG.warnf(e, "delivery lane %s: an attempt failed and is retried", name);
        } finally {
            claimed.complete(false); // no effect when it claimed
            if (recipient[0] != null) {
                boolean wasBusy = inFlight.getOrDefault(recipient[0], 0) >= perRecipient;
                inFlight.computeIfPresent(recipient[0], (handle, count) -> count == 1 ? null : count - 1);
                wakeAfter |= wasBusy;
            }
            freeWorkers.release();
            if (claimed.getNow(false) && wakeAfter) {
                wake(); // this person's next delivery may go now, or a retry falls due before the lane's wake-up
            }
        }
    }

    /** Recipients with as many deliveries in flight as one person may have. */
    private List<String> busyRecipients() {
        List<String> busy = new ArrayList<>();
        inFlight.forEach((handle, count) -> {
            if (count >= perRecipient) {
                busy.add(handle);
            }
        });
        return busy;
    }

    private Duration untilNextDue() {
        Optional<Instant> next = delivery.nextDueAt(kinds, busyRecipients());
        if (next.isEmpty()) {
            return sweep;
        }
        Duration until = Duration.between(clock.instant(), next.get());
        if (until.isNegative() || until.isZero()) {
            return Duration.ZERO;
        }
        return until.compareTo(sweep) > 0 ? sweep : until.plusMillis(1);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.commandpost.platform.timer;

import io.commandpost.events.DomainEvent;
import io.commandpost.platform.command.Aggregate;
import io.commandpost.platform.command.CommandHandler;
import io.commandpost.platform.config.PlatformConfig;
import io.commandpost.platform.eventing.ConcurrencyConflictException;
import io.commandpost.platform.eventing.EventMetadata;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Fires due timers. Each firing is one transaction: claim the timer ({@code for update skip locked}),
 * delete it, call the aggregate's pure {@code tick} through the {@link CommandHandler} (append at the
 * version read, store the next wake), commit. A replica that claimed it first makes the others skip it; a
 * crash or rollback before the commit leaves it in place, so it fires later, once. After downtime it fires
 * as soon as the worker runs again, and the tick sees how late it is.
 *
 * <p>The worker sleeps until the next due timer (never on a fixed scan interval), woken early when a wake
 * commits in this process; {@code commandpost.timers.safety-poll} bounds the sleep for other replicas' wakes.
 */
@ApplicationScoped
public class TimerWorker {

    private static final Logger LOG = Logger.getLogger(TimerWorker.class);
    private static final int MAX_PER_ROUND = 500;

    private final Timers timers;
    private final CommandHandler handler;
    private final Instance<Aggregate<?, ?, ?>> beans;
    private final PlatformConfig.Timers config;
    private final Clock clock;
    private volatile Map<String, Aggregate<?, ?, ?>> byName;
    private volatile boolean running = true;

    TimerWorker(Timers timers, CommandHandler handler, @Any Instance<Aggregate<?, ?, ?>> beans,
                PlatformConfig config, Clock clock) {
        this.timers = timers;
        this.handler = handler;
        this.beans = beans;
        this.config = config.timers();
        this.clock = clock;
    }

    void start(@Observes StartupEvent startup) {
        if (!config.enabled()) {
            return;
        }
        Thread thread = new Thread(this::loop, "timer-worker");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        timers.interruptWait();
    }

    private void loop() {
        while (running) {
            try {
                if (fireDue() >= MAX_PER_ROUND) {
                    continue;
                }
                timers.awaitWake(untilNextDue());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("timer worker will retry: %s", e.toString());
                try {
                    timers.awaitWake(config.retryBackoff());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private Duration untilNextDue() {
        Duration poll = config.safetyPoll();
        Optional<Instant> next = timers.nextDue();
        if (next.isEmpty()) {
            return poll;
        }
        Duration until = Duration.between(clock.instant(), next.get());
        if (until.isNegative()) {
            // due but held by another replica (or postponed concurrently): look again soon
            return config.retryBackoff();
        }
        return until.compareTo(poll) < 0 ? until : poll;
    }

    /**
     * Fires every timer due at the clock's now that no other replica holds; returns how many this caller
     * fired (a failed tick counts not: its timer is postponed with backoff). Tests call it by hand.
     */
    public int fireDue() {
        int fired = 0;
        for (int i = 0; i < MAX_PER_ROUND; i++) {
            Outcome outcome = fireOne();
            if (outcome == Outcome.NONE_DUE) {
                return fired;
            }
            if (outcome == Outcome.FIRED) {
                fired++;
            }
        }
        return fired;
    }

    private enum Outcome { FIRED, FAILED, NONE_DUE }

    private Outcome fireOne() {
        Timer[] claimed = new Timer[1];
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Instant now = clock.instant();
                Optional<Timer> due = timers.claimDue(now);
                if (due.isEmpty()) {
                    return Outcome.NONE_DUE;
                }
                Timer timer = due.get();
                claimed[0] = timer;
                timers.remove(timer);
                Aggregate<?, ?, ?> aggregate = aggregates().get(timer.aggregate());
                if (aggregate == null) {
                    LOG.errorf("timer of unknown aggregate %s (stream %s) dropped", timer.aggregate(),
                            timer.streamId());
                    return Outcome.FIRED;
                }
                if (now.isAfter(timer.dueAt().plus(config.lateAfter()))) {
                    LOG.infof("%s %s: timer due at %s fires late at %s", timer.aggregate(), timer.streamId(),
                            timer.dueAt(), now);
                }
                tick(aggregate, timer.streamId());
                return Outcome.FIRED;
            });
        } catch (RuntimeException e) {
            Timer timer = claimed[0];
            if (timer == null) {
                throw e;
            }
            Instant retryAt = clock.instant().plus(backoff(timer.attempts()));
            if (ConcurrencyConflictException.isCauseOf(e)) {
                LOG.debugf("%s %s: stream moved while ticking; fires again at %s", timer.aggregate(),
                        timer.streamId(), retryAt);
            } else {
                LOG.errorf(e, "%s %s: tick failed (attempt %d); fires again at %s", timer.aggregate(),
                        timer.streamId(), timer.attempts() + 1, retryAt);
            }
            timers.postpone(timer, retryAt);
            return Outcome.FAILED;
        }
    }

    private <S, E extends DomainEvent> void tick(Aggregate<?, S, E> aggregate, String streamId) {
        handler.tick(aggregate, streamId, EventMetadata.fresh());
    }

    private Duration backoff(int attempts) {
        Duration delay = config.retryBackoff().multipliedBy(1L << Math.min(attempts, 20));
        return delay.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : delay;
    }

    private Map<String, Aggregate<?, ?, ?>> aggregates() {
        Map<String, Aggregate<?, ?, ?>> known = byName;
        if (known == null) {
            known = new HashMap<>();
            for (Aggregate<?, ?, ?> aggregate : beans) {
                Aggregate<?, ?, ?> previous = known.put(aggregate.name(), aggregate);
                if (previous != null) {
                    throw new IllegalStateException("two aggregates named " + aggregate.name());
                }
            }
            byName = known;
        }
        return known;
    }
}

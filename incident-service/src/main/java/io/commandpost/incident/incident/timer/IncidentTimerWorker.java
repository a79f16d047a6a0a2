package io.commandpost.incident.incident.timer;

import io.commandpost.incident.incident.config.IncidentSettings;
import io.commandpost.incident.incident.service.IncidentService;
import io.commandpost.platform.eventing.ConcurrencyConflictException;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Wakes due incidents: each one in its own transaction, claimed with skip-locked so replicas share the
 * work and none wakes an incident another holds; the expected-version append makes a reminder exactly once.
 */
@ApplicationScoped
public class IncidentTimerWorker {

    private static final Logger LOG = Logger.getLogger(IncidentTimerWorker.class);
    private static final int MAX_PER_RUN = 100;

    private final IncidentService incidents;

    IncidentTimerWorker(IncidentService incidents) {
        this.incidents = incidents;
    }

    @Scheduled(every = "${commandpost.incident.timer-poll-every:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Disabled.class)
    void scheduled() {
        run();
    }

    /** Wakes every incident due now (at most {@value #MAX_PER_RUN}); returns how many. */
    public int run() {
        int woken = 0;
        try {
            while (woken < MAX_PER_RUN && incidents.wakeOne()) {
                woken++;
            }
        } catch (RuntimeException e) {
            if (ConcurrencyConflictException.isCauseOf(e)) {
                LOG.debugf("an incident moved on while waking it; the next run sees the new state");
            } else {
                LOG.errorf(e, "waking incidents failed; retried at the next run");
            }
        }
        return woken;
    }

    /** Skips scheduled runs when {@code commandpost.incident.timers-enabled=false}. */
    @ApplicationScoped
    public static class Disabled implements Scheduled.SkipPredicate {
        private final IncidentSettings settings;

        Disabled(IncidentSettings settings) {
            this.settings = settings;
        }

        @Override
        public boolean test(ScheduledExecution execution) {
            return !settings.timersEnabled();
        }
    }
}

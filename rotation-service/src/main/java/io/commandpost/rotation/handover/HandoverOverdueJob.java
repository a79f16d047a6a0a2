package io.commandpost.rotation.handover;

import io.commandpost.platform.eventing.ConcurrencyConflictException;

import io.commandpost.rotation.team.TeamRepository;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Reports handovers nobody accepted in time. Replicas may run it at once: each appends at the
 * version it read, so one report lands and the others conflict, which means it was already made.
 */
@ApplicationScoped
public class HandoverOverdueJob {

    private static final Logger LOG = Logger.getLogger(HandoverOverdueJob.class);

    private final TeamRepository teams;
    private final HandoverService handovers;
    private final Clock clock;

    HandoverOverdueJob(TeamRepository teams, HandoverService handovers, Clock clock) {
        this.teams = teams;
        this.handovers = handovers;
        this.clock = clock;
    }

    @Scheduled(every = "${rotation.handover.overdue-check-every:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Disabled.class)
    void scheduled() {
        run();
    }

    /** One pass over every team; returns how many overdue handovers this caller reported. */
    public int run() {
        Instant now = clock.instant();
        int reported = 0;
        for (String teamId : teams.ids()) {
            try {
                reported += handovers.reportOverdue(teamId, now);
            } catch (RuntimeException e) {
                if (ConcurrencyConflictException.isCauseOf(e)) {
                    LOG.debugf("team %s: the shift stream moved on, checked again at the next run", teamId);
                } else {
                    LOG.errorf(e, "team %s: overdue check failed, retried at the next run", teamId);
                }
            }
        }
        return reported;
    }

    /** Skips scheduled runs when {@code rotation.handover.overdue-check-enabled=false}. */
    @ApplicationScoped
    public static class Disabled implements Scheduled.SkipPredicate {
        private final HandoverSettings settings;

        Disabled(HandoverSettings settings) {
            this.settings = settings;
        }

        @Override
        public boolean test(ScheduledExecution execution) {
            return !settings.overdueCheckEnabled();
        }
    }
}

package io.commandpost.rotation.shift;

import io.commandpost.platform.eventing.ConcurrencyConflictException;
import io.commandpost.platform.eventing.EventMetadata;
import io.commandpost.rotation.team.TeamRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Every few seconds, starts each team's due shifts. Replicas may run it at the same time: each
 * appends at the version it read, so one wins and the others get a conflict, which means the shift
 * was started by someone else and is ignored.
 */
@ApplicationScoped
public class HandoffJob {

    private static final Logger LOG = Logger.getLogger(HandoffJob.class);

    private final TeamRepository teams;
    private final Handoffs handoffs;
    private final Clock clock;

    HandoffJob(TeamRepository teams, Handoffs handoffs, Clock clock) {
        this.teams = teams;
        this.handoffs = handoffs;
        this.clock = clock;
    }

    @Scheduled(every = "${rotation.handoff.every:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Disabled.class)
    void scheduled() {
        run();
    }

    /** One pass over every team; returns how many shifts this caller started. */
    public int run() {
        Instant now = clock.instant();
        int started = 0;
        for (String teamId : teams.ids()) {
            try {
                started += handoff(teamId, now);
            } catch (RuntimeException e) {
                if (ConcurrencyConflictException.isCauseOf(e)) {
                    LOG.debugf("team %s: another replica started the shift first", teamId);
                } else {
                    LOG.errorf(e, "team %s: handoff failed, retried at the next run", teamId);
                }
            }
        }
        return started;
    }

    int handoff(String teamId, Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> teams.find(teamId)
                .map(team -> (int) handoffs.startDueShifts(team.team(), now, EventMetadata.fresh()).stream()
                        .filter(envelope -> envelope.eventType().equals("shift.started")).count())
                .orElse(0));
    }


    /** Skips scheduled runs when {@code rotation.handoff.enabled=false}. */
    @ApplicationScoped
    public static class Disabled implements Scheduled.SkipPredicate {
        private final HandoffSettings settings;

        Disabled(HandoffSettings settings) {
            this.settings = settings;
        }

        @Override
        public boolean test(ScheduledExecution execution) {
            return !settings.enabled();
        }
    }
}

package io.commandpost.ingest.heartbeat;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Looks for missed heartbeats on every replica; the row locks in {@link Heartbeats} make each alert happen once. */
@ApplicationScoped
public class HeartbeatChecker {

    private static final Logger LOG = Logger.getLogger(HeartbeatChecker.class);

    private final Heartbeats heartbeats;

    HeartbeatChecker(Heartbeats heartbeats) {
        this.heartbeats = heartbeats;
    }

    @Scheduled(every = "${commandpost.ingest.heartbeat.check-every:15s}", delayed = "${commandpost.ingest.heartbeat.check-delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        try {
            int raised;
            do {
                raised = heartbeats.raiseOverdue();
                if (raised > 0) {
                    LOG.infof("raised %d missed-heartbeat alert(s)", raised);
                }
            } while (raised == Heartbeats.BATCH);
        } catch (RuntimeException e) {
            LOG.warnf("heartbeat check failed (retried at the next tick): %s", e.toString());
        }
    }
}

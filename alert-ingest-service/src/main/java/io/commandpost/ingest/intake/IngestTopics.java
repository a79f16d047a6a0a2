package io.commandpost.ingest.intake;

import io.commandpost.platform.eventing.KafkaClients;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.jboss.logging.Logger;

/**
 * Topics only this service writes, outside the shared event contract: refused bodies (quarantine)
 * and informational records that have no event type yet (PagerDuty acknowledge and change events).
 * Both are bounded by time and size. Created in the background so that a broker outage does not delay startup.
 */
@ApplicationScoped
public class IngestTopics {

    public static final String QUARANTINE = "commandpost.ingest.quarantine.v1";
    public static final String INFORMATIONAL = "commandpost.ingest.informational.v1";

    private static final Logger LOG = Logger.getLogger(IngestTopics.class);

    private final KafkaClients kafka;

    IngestTopics(KafkaClients kafka) {
        this.kafka = kafka;
    }

    void onStart(@Observes StartupEvent startup) {
        Thread creator = new Thread(this::ensure, "ingest-topics");
        creator.setDaemon(true);
        creator.start();
    }

    void ensure() {
        try (Admin admin = kafka.admin()) {
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            int brokers = admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).size();
            short replication = (short) Math.min(3, Math.max(1, brokers));
            Map<String, String> bounded = Map.of(
                    "retention.ms", String.valueOf(TimeUnit.DAYS.toMillis(14)),
                    "retention.bytes", String.valueOf(512L * 1024 * 1024),
                    "max.message.bytes", String.valueOf(1024 * 1024));
            List<NewTopic> missing = List.of(QUARANTINE, INFORMATIONAL).stream()
                    .filter(name -> !existing.contains(name))
                    .map(name -> new NewTopic(name, 1, replication).configs(bounded)).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(10, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            LOG.warnf("could not ensure %s and %s (retried at the next start): %s", QUARANTINE, INFORMATIONAL,
                    e.toString());
        }
    }
}

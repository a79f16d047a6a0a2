package io.commandpost.platform.eventing;

import io.commandpost.events.Topics;
import io.commandpost.platform.config.PlatformConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates the contract's topics, this service's dead-letter topic and the (size- and time-bounded)
 * quarantine topic when they are missing.
 */
@ApplicationScoped
public class TopicBootstrap {

    private static final Logger LOG = Logger.getLogger(TopicBootstrap.class);

    private final KafkaClients kafka;
    private final PlatformConfig config;
    private final int partitions;

    TopicBootstrap(KafkaClients kafka, PlatformConfig config,
                   @ConfigProperty(name = "commandpost.topics.partitions", defaultValue = "3") int partitions) {
        this.kafka = kafka;
        this.config = config;
        this.partitions = partitions;
    }

    public void ensureTopics() {
        List<String> wanted = new ArrayList<>(Topics.ALL);
        wanted.add(Topics.deadLetter(config.serviceName()));
        try (Admin admin = kafka.admin()) {
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            int brokers = admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).size();
            short replication = (short) Math.min(3, Math.max(1, brokers));
            List<NewTopic> missing = new ArrayList<>(wanted.stream().filter(name -> !existing.contains(name))
                    .map(name -> new NewTopic(name, partitions, replication)).toList());
            if (!existing.contains(Topics.QUARANTINE)) {
                missing.add(new NewTopic(Topics.QUARANTINE, 1, replication).configs(Map.of(
                        "retention.ms", String.valueOf(TimeUnit.DAYS.toMillis(14)),
                        "retention.bytes", String.valueOf(512L * 1024 * 1024),
                        "max.message.bytes", String.valueOf(1024 * 1024))));
            }
            if (missing.isEmpty()) {
                return;
            }
            try {
                admin.createTopics(missing).all().get(10, TimeUnit.SECONDS);
                LOG.infof("created topics %s", missing.stream().map(NewTopic::name).toList());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        } catch (Exception e) {
            LOG.warnf("could not ensure topics (the broker may be down; they are retried at the next start): %s",
                    e.toString());
        }
    }
}

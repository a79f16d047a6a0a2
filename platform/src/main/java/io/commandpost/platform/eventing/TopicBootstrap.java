package io.commandpost.platform.eventing;

import io.commandpost.events.Topics;
import io.commandpost.platform.config.PlatformConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates the contract's topics, this service's dead-letter topic and the quarantine topic with their explicit
 * retention ({@link Topics#configs}), and sets it on topics that exist with other values (created by hand, by
 * auto-creation or by an older version), so no broker default ever expires what projections are rebuilt from.
 */
@ApplicationScoped
public class TopicBootstrap {

    private static final Logger LOG = Logger.getLogger(TopicBootstrap.class);
    private static final long TIMEOUT_SECONDS = 10;

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
        wanted.add(Topics.QUARANTINE);
        try (Admin admin = kafka.admin()) {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            int brokers = admin.describeCluster().nodes().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).size();
            short replication = (short) Math.min(3, Math.max(1, brokers));
            create(admin, wanted.stream().filter(name -> !existing.contains(name))
                    .map(name -> new NewTopic(name, partitionsOf(name), replication).configs(Topics.configs(name)))
                    .toList());
            align(admin, wanted.stream().filter(existing::contains).toList());
        } catch (Exception e) {
            LOG.warnf("could not ensure topics (the broker may be down; they are retried at the next start): %s",
                    e.toString());
        }
    }

    private int partitionsOf(String topic) {
        return Topics.QUARANTINE.equals(topic) ? 1 : partitions;
    }

    private static void create(Admin admin, List<NewTopic> missing) throws Exception {
        if (missing.isEmpty()) {
            return;
        }
        try {
            admin.createTopics(missing).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            LOG.infof("created topics %s", missing.stream().map(NewTopic::name).toList());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    /** Sets, on existing topics, every declared config that is not set on the topic itself to its value. */
    private static void align(Admin admin, List<String> topics) throws Exception {
        if (topics.isEmpty()) {
            return;
        }
        List<ConfigResource> resources = topics.stream()
                .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic)).toList();
        Map<ConfigResource, Config> actual = admin.describeConfigs(resources).all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<ConfigResource, Collection<AlterConfigOp>> changes = new LinkedHashMap<>();
        for (ConfigResource resource : resources) {
            Config current = actual.get(resource);
            List<AlterConfigOp> ops = Topics.configs(resource.name()).entrySet().stream()
                    .filter(wanted -> !hasValue(current, wanted.getKey(), wanted.getValue()))
                    .map(wanted -> new AlterConfigOp(new ConfigEntry(wanted.getKey(), wanted.getValue()),
                            AlterConfigOp.OpType.SET))
                    .toList();
            if (!ops.isEmpty()) {
                changes.put(resource, ops);
            }
        }
        if (!changes.isEmpty()) {
            admin.incrementalAlterConfigs(changes).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            changes.forEach((resource, ops) -> LOG.warnf("topic %s had other retention than declared; set %s",
                    resource.name(), ops.stream().map(op -> op.configEntry().name() + "=" + op.configEntry().value())
                            .toList()));
        }
    }

    private static boolean hasValue(Config config, String name, String value) {
        ConfigEntry entry = config == null ? null : config.get(name);
        return entry != null && value.equals(entry.value())
                && entry.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG;
    }
}

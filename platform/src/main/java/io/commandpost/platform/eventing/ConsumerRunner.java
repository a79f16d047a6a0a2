package io.commandpost.platform.eventing;

import io.commandpost.platform.config.PlatformConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/** Starts a {@link ConsumerLoop} per {@link EventConsumer} bean at boot and stops them at shutdown. */
@ApplicationScoped
public class ConsumerRunner {

    private static final Logger LOG = Logger.getLogger(ConsumerRunner.class);

    private final Instance<EventConsumer> consumers;
    private final KafkaClients kafka;
    private final ProcessedEvents processed;
    private final PlatformConfig config;
    private final TopicBootstrap topics;
    private final ConsumerMetrics metrics;
    private final List<ConsumerLoop> loops = new ArrayList<>();

    ConsumerRunner(Instance<EventConsumer> consumers, KafkaClients kafka, ProcessedEvents processed,
                   PlatformConfig config, TopicBootstrap topics, ConsumerMetrics metrics) {
        this.metrics = metrics;
        this.consumers = consumers;
        this.kafka = kafka;
        this.processed = processed;
        this.config = config;
        this.topics = topics;
    }

    void start(@Observes StartupEvent startup) {
        topics.ensureTopics();
        if (!config.consumers().enabled()) {
            LOG.info("event consumers are disabled (commandpost.consumers.enabled=false)");
            return;
        }
        for (EventConsumer consumer : consumers) {
            ConsumerLoop loop = new ConsumerLoop(consumer, kafka, processed, config, metrics);
            loops.add(loop);
            Thread thread = new Thread(loop, "consumer-" + consumer.name());
            thread.setDaemon(true);
            thread.start();
            LOG.infof("consuming %s as %s.%s", consumer.topics(), config.serviceName(), consumer.name());
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        loops.forEach(ConsumerLoop::stop);
    }
}

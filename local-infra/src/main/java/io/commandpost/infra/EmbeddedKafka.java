package io.commandpost.infra;

import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import kafka.server.BrokerServer;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A single combined broker/controller KRaft node inside this JVM (Kafka's own test kit).
 * The broker can be stopped and started again on the same port, to test "broker down" paths.
 */
final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedKafka.class.getName());

    /** Strong references: java.util.logging forgets the level of a logger nobody holds. */
    private static final Logger[] QUIET_LOGGERS = {
            Logger.getLogger("kafka"), Logger.getLogger("org.apache.kafka"),
            Logger.getLogger("state.change.logger")};

    private static final Map<String, Object> SMALL_SETTINGS = Map.ofEntries(
            Map.entry("offsets.topic.replication.factor", "1"),
            Map.entry("offsets.topic.num.partitions", "5"),
            Map.entry("transaction.state.log.replication.factor", "1"),
            Map.entry("transaction.state.log.min.isr", "1"),
            Map.entry("transaction.state.log.num.partitions", "5"),
            Map.entry("share.coordinator.state.topic.replication.factor", "1"),
            Map.entry("share.coordinator.state.topic.min.isr", "1"),
            Map.entry("group.initial.rebalance.delay.ms", "0"),
            Map.entry("num.partitions", "3"),
            Map.entry("default.replication.factor", "1"),
            Map.entry("min.insync.replicas", "1"),
            Map.entry("auto.create.topics.enable", "true"),
            // a short default retention: a topic that relied on it loses its records within seconds, so every
            // projection rebuild in the tests proves its topics carry their own retention (Topics.configs)
            Map.entry("log.retention.ms", "3000"),
            Map.entry("log.roll.ms", "5000"),
            Map.entry("log.retention.check.interval.ms", "1000"),
            // a restarted broker re-registers only once its old session expired (default 9 s)
            Map.entry("broker.session.timeout.ms", "2000"),
            Map.entry("broker.heartbeat.interval.ms", "500"));

    private final KafkaClusterTestKit cluster;
    private final long startupMillis;
    private boolean stopped;

    private EmbeddedKafka(KafkaClusterTestKit cluster, long startupMillis) {
        this.cluster = cluster;
        this.startupMillis = startupMillis;
    }

    static EmbeddedKafka start() {
        return OwnClassLoader.call(EmbeddedKafka::startCluster);
    }

    private static EmbeddedKafka startCluster() {
        quietLogs();
        neverEndTheJvm();
        long started = System.nanoTime();
        try {
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    // the kit defaults to the newest, possibly unreleased, metadata version
                    .setBootstrapMetadataVersion(MetadataVersion.LATEST_PRODUCTION)
                    .build();
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
            SMALL_SETTINGS.forEach(builder::setConfigProp);
            KafkaClusterTestKit cluster = builder.build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            EmbeddedKafka kafka = new EmbeddedKafka(cluster, millisSince(started));
            LOG.info(() -> "embedded Kafka serves at " + kafka.bootstrapServers() + ", started in "
                    + kafka.startupMillis() + " ms");
            return kafka;
        } catch (Exception e) {
            throw new IllegalStateException("embedded Kafka did not start", e);
        }
    }

    /**
     * An embedded broker must not end the test JVM: Kafka halts the process when it loses its log
     * directory, which happens when the JVM's shutdown hooks race with the broker's own shutdown.
     * Surefire then reports the fork as crashed although every test passed. (Kafka's tests do the same.)
     */
    private static void neverEndTheJvm() {
        Exit.setExitProcedure((status, message) ->
                LOG.warning(() -> "embedded Kafka asked to exit(" + status + "): " + message + " — ignored"));
        Exit.setHaltProcedure((status, message) ->
                LOG.warning(() -> "embedded Kafka asked to halt(" + status + "): " + message + " — ignored"));
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** How long format + startup + ready took. */
    public long startupMillis() {
        return startupMillis;
    }

    /** Shuts the broker down (the controller keeps running); clients then see it as unreachable. */
    public synchronized void stopBroker() {
        if (!stopped) {
            long started = System.nanoTime();
            broker().shutdown();
            stopped = true;
            LOG.info(() -> "embedded Kafka broker stopped in " + millisSince(started) + " ms");
        }
    }

    /** Starts the broker again on the same port and waits until it serves. */
    public synchronized void startBroker() {
        if (stopped) {
            OwnClassLoader.run(this::restartBroker);
        }
    }

    private void restartBroker() {
        try {
            long started = System.nanoTime();
            broker().startup();
            cluster.waitForReadyBrokers();
            stopped = false;
            LOG.info(() -> "embedded Kafka broker restarted in " + millisSince(started) + " ms");
        } catch (Exception e) {
            throw new IllegalStateException("embedded Kafka broker did not restart", e);
        }
    }

    public synchronized boolean brokerRunning() {
        return !stopped;
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            // JVM is exiting; the temp directories are all that could be left behind
        }
    }

    private BrokerServer broker() {
        return cluster.brokers().values().iterator().next();
    }

    private static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    private static void quietLogs() {
        for (Logger logger : QUIET_LOGGERS) {
            logger.setLevel(Level.WARNING);
        }
    }
}

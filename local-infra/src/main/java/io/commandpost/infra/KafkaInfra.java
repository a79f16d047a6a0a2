package io.commandpost.infra;

/**
 * One Kafka broker per JVM, resolved in this order: {@code KAFKA_BOOTSTRAP_SERVERS} → a Testcontainers
 * broker when a Docker engine answers → an embedded in-JVM KRaft broker. Started on first use,
 * stopped by a shutdown hook; shared across class loaders (see {@link JvmShared}).
 */
public final class KafkaInfra {

    public static final String BOOTSTRAP_ENV = "KAFKA_BOOTSTRAP_SERVERS";

    /** Where the broker came from. */
    public enum Source { ENVIRONMENT, TESTCONTAINERS, EMBEDDED }

    private static KafkaInfra instance;

    private final Source source;
    private final String bootstrapServers;

    private KafkaInfra(Source source, String bootstrapServers) {
        this.source = source;
        this.bootstrapServers = bootstrapServers;
    }

    /** The JVM's broker, started on the first call. */
    public static KafkaInfra get() {
        synchronized (JvmShared.kafkaLock()) {
            if (instance == null) {
                instance = resolve();
            }
            return instance;
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public Source source() {
        return source;
    }

    /** True when the broker runs in this JVM, so that a test can stop it. */
    public boolean brokerStoppable() {
        return source == Source.EMBEDDED && JvmShared.kafkaControlPublished();
    }

    /** Shuts the embedded broker down; clients then find nobody at {@link #bootstrapServers()}. */
    public void stopBroker() {
        requireStoppable();
        JvmShared.invokeKafkaControl("stopBroker");
    }

    /** Starts the embedded broker again on the same port and waits until it serves. */
    public void startBroker() {
        requireStoppable();
        JvmShared.invokeKafkaControl("startBroker");
    }

    public boolean brokerRunning() {
        return !brokerStoppable() || JvmShared.kafkaBrokerRunning();
    }

    private void requireStoppable() {
        if (!brokerStoppable()) {
            throw new IllegalStateException("only an embedded broker can be stopped; this one is " + source);
        }
    }

    private static KafkaInfra resolve() {
        String fromEnv = System.getenv(BOOTSTRAP_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new KafkaInfra(Source.ENVIRONMENT, fromEnv.trim());
        }
        var shared = JvmShared.property(JvmShared.KAFKA_BOOTSTRAP);
        if (shared.isEmpty() && JvmShared.startInSystemClassLoader(KafkaInfra.class)) {
            shared = JvmShared.property(JvmShared.KAFKA_BOOTSTRAP);
        }
        if (shared.isPresent()) {
            return new KafkaInfra(Source.valueOf(System.getProperty(JvmShared.KAFKA_SOURCE)), shared.get());
        }
        KafkaInfra started = startBroker(InfraMode.dockerAllowed() && DockerProbe.dockerAvailable());
        System.setProperty(JvmShared.KAFKA_SOURCE, started.source.name());
        System.setProperty(JvmShared.KAFKA_BOOTSTRAP, started.bootstrapServers);
        return started;
    }

    private static KafkaInfra startBroker(boolean docker) {
        if (docker) {
            return new KafkaInfra(Source.TESTCONTAINERS, ContainerKafka.start());
        }
        EmbeddedKafka embedded = EmbeddedKafka.start();
        ShutdownHooks.register("embedded-kafka", embedded::close);
        JvmShared.publishKafkaControl(embedded);
        return new KafkaInfra(Source.EMBEDDED, embedded.bootstrapServers());
    }
}

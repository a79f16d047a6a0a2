package io.commandpost.infra;

import org.testcontainers.kafka.KafkaContainer;

/** Kept in its own class so that Testcontainers is never loaded on machines without Docker. */
final class ContainerKafka {

    static final String IMAGE = System.getProperty("commandpost.test.kafka-image", "apache/kafka:4.1.1");

    private ContainerKafka() {
    }

    static String start() {
        KafkaContainer container = new KafkaContainer(IMAGE);
        container.start();
        ShutdownHooks.register("kafka-container", container::stop);
        return container.getBootstrapServers();
    }
}

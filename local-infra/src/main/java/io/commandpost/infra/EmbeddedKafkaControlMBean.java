package io.commandpost.infra;

/** JMX view of the embedded broker, so that any class loader of the JVM can stop and start it. */
public interface EmbeddedKafkaControlMBean {

    void stopBroker();

    void startBroker();

    boolean isBrokerRunning();
}

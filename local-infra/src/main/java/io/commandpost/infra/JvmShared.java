package io.commandpost.infra;

import java.lang.management.ManagementFactory;
import java.util.Optional;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * State that must be shared by every class loader of the JVM. Quarkus runs test resources inside an
 * application class loader, builds several (one per test profile or resource set) and closes them on restart:
 * a plain static singleton would start a second broker, and a broker loaded by a closed loader breaks.
 * So servers are started from the system class loader when it can see this module, the addresses are
 * published as system properties (strings only) and the embedded broker's stop/start as a platform MBean.
 */
final class JvmShared {

    static final String KAFKA_BOOTSTRAP = "localinfra.kafka.bootstrap-servers";
    static final String KAFKA_SOURCE = "localinfra.kafka.source";
    static final String POSTGRES_URL = "localinfra.postgres.url";
    static final String POSTGRES_USER = "localinfra.postgres.user";
    static final String POSTGRES_PASSWORD = "localinfra.postgres.password";
    static final String POSTGRES_SOURCE = "localinfra.postgres.source";

    private static final ObjectName KAFKA_CONTROL = objectName("io.commandpost.infra:type=EmbeddedKafka");

    private JvmShared() {
    }

    /**
     * A lock all class loaders see: string literals are interned JVM-wide. (Not System.getProperties():
     * Kafka's startup threads call setProperty, which synchronizes on it.)
     */
    static Object kafkaLock() {
        return "io.commandpost.infra.JvmShared.kafka";
    }

    static Object postgresLock() {
        return "io.commandpost.infra.JvmShared.postgres";
    }

    /**
     * Calls {@code className.get()} as loaded by the system class loader, unless that is the caller's own
     * loader or cannot see this module. True if it ran (its results are then in the system properties).
     */
    static boolean startInSystemClassLoader(Class<?> infra) {
        ClassLoader system = ClassLoader.getSystemClassLoader();
        if (infra.getClassLoader() == system) {
            return false;
        }
        try {
            Class<?> systemInfra = Class.forName(infra.getName(), true, system);
            if (systemInfra == infra) {
                return false;
            }
            systemInfra.getMethod("get").invoke(null);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new IllegalStateException("could not start " + infra.getSimpleName(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("could not start " + infra.getSimpleName(), e);
        }
    }

    static Optional<String> property(String name) {
        return Optional.ofNullable(System.getProperty(name)).filter(value -> !value.isBlank());
    }

    static void publishKafkaControl(EmbeddedKafka kafka) {
        try {
            server().registerMBean(new StandardMBean(new EmbeddedKafkaControl(kafka), EmbeddedKafkaControlMBean.class),
                    KAFKA_CONTROL);
        } catch (JMException e) {
            throw new IllegalStateException("could not publish the embedded broker's control", e);
        }
    }

    static boolean kafkaControlPublished() {
        return server().isRegistered(KAFKA_CONTROL);
    }

    static void invokeKafkaControl(String operation) {
        try {
            server().invoke(KAFKA_CONTROL, operation, null, null);
        } catch (JMException e) {
            throw new IllegalStateException("embedded broker " + operation + " failed", e);
        }
    }

    static boolean kafkaBrokerRunning() {
        try {
            return (Boolean) server().getAttribute(KAFKA_CONTROL, "BrokerRunning");
        } catch (JMException e) {
            throw new IllegalStateException("embedded broker state unknown", e);
        }
    }

    private static MBeanServer server() {
        return ManagementFactory.getPlatformMBeanServer();
    }

    private static ObjectName objectName(String name) {
        try {
            return new ObjectName(name);
        } catch (JMException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final class EmbeddedKafkaControl implements EmbeddedKafkaControlMBean {
        private final EmbeddedKafka kafka;

        EmbeddedKafkaControl(EmbeddedKafka kafka) {
            this.kafka = kafka;
        }

        @Override
        public void stopBroker() {
            kafka.stopBroker();
        }

        @Override
        public void startBroker() {
            kafka.startBroker();
        }

        @Override
        public boolean isBrokerRunning() {
            return kafka.brokerRunning();
        }
    }
}

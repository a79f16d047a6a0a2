package io.commandpost.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How to start the system. Ports: 0 means any free port, otherwise that port or the next free one.
 * Kafka and PostgreSQL are embedded unless an external address is given.
 */
public final class SystemOptions {

    /** An existing PostgreSQL server; the launcher creates the four databases there when it may. */
    public record ExternalPostgres(String host, int port, String user, String password) {
    }

    /** Three minutes was too short at load 40 (2 cores); the wait ends early whenever a process exits. */
    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofMinutes(10);

    private final Path projectRoot;
    private final Path baseDir;
    private final int kafkaPort;
    private final int controllerPort;
    private final int postgresPort;
    private final Map<Service, Integer> servicePorts;
    private final int pageReceiverPort;
    private final String externalKafka;
    private final ExternalPostgres externalPostgres;
    private final String pageWebhookUrl;
    private final String pageWebhookSecret;
    private final List<String> serviceJvmArgs;
    private final List<String> brokerJvmArgs;
    private final Duration readyTimeout;
    private final List<String> consoleTeams;

    private SystemOptions(Builder builder) {
        this.projectRoot = builder.projectRoot.toAbsolutePath().normalize();
        this.baseDir = (builder.baseDir != null ? builder.baseDir : projectRoot.resolve(".commandpost"))
                .toAbsolutePath().normalize();
        this.kafkaPort = builder.kafkaPort;
        this.controllerPort = builder.controllerPort;
        this.postgresPort = builder.postgresPort;
        this.servicePorts = Map.copyOf(builder.servicePorts);
        this.pageReceiverPort = builder.pageReceiverPort;
        this.externalKafka = builder.externalKafka;
        this.externalPostgres = builder.externalPostgres;
        this.pageWebhookUrl = builder.pageWebhookUrl;
        this.pageWebhookSecret = builder.pageWebhookSecret;
        this.serviceJvmArgs = List.copyOf(builder.serviceJvmArgs);
        this.brokerJvmArgs = List.copyOf(builder.brokerJvmArgs);
        this.readyTimeout = builder.readyTimeout;
        this.consoleTeams = List.copyOf(builder.consoleTeams);
    }

    /** The defaults of the run command: fixed well-known ports, data in {@code <projectRoot>/.commandpost}. */
    public static Builder builder(Path projectRoot) {
        return new Builder(projectRoot);
    }

    /**
     * The run command's options: defaults overridden by the environment —
     * KAFKA_BOOTSTRAP_SERVERS (external broker), COMMANDPOST_DB_HOST/PORT/USER/PASSWORD (external PostgreSQL),
     * COMMANDPOST_PAGE_WEBHOOK_URL/SECRET (where pages go), COMMANDPOST_HOME (data directory),
     * COMMANDPOST_READY_TIMEOUT (how long start-up may take: seconds, or an ISO-8601 duration such as PT15M).
     */
    public static SystemOptions fromEnvironment(Path projectRoot, Map<String, String> env) {
        Builder builder = builder(projectRoot);
        nonBlank(env.get("COMMANDPOST_HOME")).ifPresent(home -> builder.baseDir(Path.of(home)));
        nonBlank(env.get("KAFKA_BOOTSTRAP_SERVERS")).ifPresent(builder::externalKafka);
        nonBlank(env.get("COMMANDPOST_DB_HOST")).ifPresent(host -> builder.externalPostgres(new ExternalPostgres(host,
                Integer.parseInt(nonBlank(env.get("COMMANDPOST_DB_PORT")).orElse("5432")),
                nonBlank(env.get("COMMANDPOST_DB_USER")).orElse("commandpost"),
                nonBlank(env.get("COMMANDPOST_DB_PASSWORD")).orElse("commandpost"))));
        nonBlank(env.get("COMMANDPOST_PAGE_WEBHOOK_URL")).ifPresent(builder::pageWebhookUrl);
        nonBlank(env.get("COMMANDPOST_PAGE_WEBHOOK_SECRET")).ifPresent(builder::pageWebhookSecret);
        nonBlank(env.get("COMMANDPOST_READY_TIMEOUT")).map(SystemOptions::duration).ifPresent(builder::readyTimeout);
        return builder.build();
    }

    /** Whole seconds ("600") or an ISO-8601 duration ("PT10M"). */
    static Duration duration(String value) {
        try {
            Duration parsed = value.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(value)) : Duration.parse(value);
            if (parsed.isNegative() || parsed.isZero()) {
                throw new IllegalArgumentException("COMMANDPOST_READY_TIMEOUT must be positive: " + value);
            }
            return parsed;
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("COMMANDPOST_READY_TIMEOUT is neither seconds nor an ISO-8601 duration: "
                    + value, e);
        }
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
    }

    public Path projectRoot() {
        return projectRoot;
    }

    public Path baseDir() {
        return baseDir;
    }

    public Path logDir() {
        return baseDir.resolve("logs");
    }

    /** The launcher's runtime classpath, which also runs the broker. */
    public Path launcherLibDir() {
        return projectRoot.resolve("launcher/target/lib");
    }

    public Path serviceJar(Service service) {
        return projectRoot.resolve(service.moduleName()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public int kafkaPort() {
        return kafkaPort;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public int postgresPort() {
        return postgresPort;
    }

    public int servicePort(Service service) {
        return servicePorts.getOrDefault(service, service.defaultPort());
    }

    public int pageReceiverPort() {
        return pageReceiverPort;
    }

    public Optional<String> externalKafka() {
        return Optional.ofNullable(externalKafka);
    }

    public Optional<ExternalPostgres> externalPostgres() {
        return Optional.ofNullable(externalPostgres);
    }

    public Optional<String> pageWebhookUrl() {
        return Optional.ofNullable(pageWebhookUrl);
    }

    public Optional<String> pageWebhookSecret() {
        return Optional.ofNullable(pageWebhookSecret);
    }

    public List<String> serviceJvmArgs() {
        return serviceJvmArgs;
    }

    public List<String> brokerJvmArgs() {
        return brokerJvmArgs;
    }

    /**
     * How long the broker, and then every service, may take to become ready. Generous because a loaded machine
     * (a CI run beside other builds) starts JVMs slowly; a process that exits while starting still fails at once.
     */
    public Duration readyTimeout() {
        return readyTimeout;
    }

    /** The teams the console's today page offers. */
    public List<String> consoleTeams() {
        return consoleTeams;
    }

    public static final class Builder {
        private final Path projectRoot;
        private Path baseDir;
        private int kafkaPort = 9092;
        private int controllerPort = 9093;
        private int postgresPort = 5432;
        private final Map<Service, Integer> servicePorts = new EnumMap<>(Service.class);
        private int pageReceiverPort = 8089;
        private String externalKafka;
        private ExternalPostgres externalPostgres;
        private String pageWebhookUrl;
        private String pageWebhookSecret;
        private List<String> serviceJvmArgs = List.of();
        private List<String> brokerJvmArgs = List.of("-Xmx512m", "-Xms128m");
        private Duration readyTimeout = DEFAULT_READY_TIMEOUT;
        private List<String> consoleTeams = List.of("demo");

        private Builder(Path projectRoot) {
            this.projectRoot = projectRoot;
        }

        public Builder baseDir(Path baseDir) {
            this.baseDir = baseDir;
            return this;
        }

        public Builder kafkaPorts(int kafkaPort, int controllerPort) {
            this.kafkaPort = kafkaPort;
            this.controllerPort = controllerPort;
            return this;
        }

        public Builder postgresPort(int postgresPort) {
            this.postgresPort = postgresPort;
            return this;
        }

        public Builder servicePort(Service service, int port) {
            servicePorts.put(service, port);
            return this;
        }

        /** Every port (broker, database, services, page receiver) chosen freely: for tests. */
        public Builder anyFreePorts() {
            kafkaPorts(0, 0);
            postgresPort(0);
            for (Service service : Service.values()) {
                servicePort(service, 0);
            }
            return pageReceiverPort(0);
        }

        public Builder pageReceiverPort(int pageReceiverPort) {
            this.pageReceiverPort = pageReceiverPort;
            return this;
        }

        public Builder externalKafka(String bootstrapServers) {
            this.externalKafka = bootstrapServers;
            return this;
        }

        public Builder externalPostgres(ExternalPostgres externalPostgres) {
            this.externalPostgres = externalPostgres;
            return this;
        }

        /** Pages go there instead of to the launcher's built-in receiver. */
        public Builder pageWebhookUrl(String url) {
            this.pageWebhookUrl = url;
            return this;
        }

        public Builder pageWebhookSecret(String secret) {
            this.pageWebhookSecret = secret;
            return this;
        }

        public Builder serviceJvmArgs(List<String> args) {
            this.serviceJvmArgs = List.copyOf(args);
            return this;
        }

        public Builder brokerJvmArgs(List<String> args) {
            this.brokerJvmArgs = List.copyOf(args);
            return this;
        }

        public Builder readyTimeout(Duration readyTimeout) {
            this.readyTimeout = readyTimeout;
            return this;
        }

        public Builder consoleTeams(List<String> teams) {
            this.consoleTeams = List.copyOf(teams);
            return this;
        }

        public SystemOptions build() {
            return new SystemOptions(this);
        }
    }
}

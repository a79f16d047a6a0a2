package io.commandpost.launcher;

import io.commandpost.launcher.demo.PageReceiver;
import io.commandpost.launcher.http.JsonHttp;
import io.commandpost.launcher.kafka.KafkaBroker;
import io.commandpost.launcher.postgres.Database;
import io.commandpost.launcher.postgres.EmbeddedDatabase;
import io.commandpost.launcher.postgres.ExternalDatabase;
import io.commandpost.launcher.process.ChildProcess;
import io.commandpost.launcher.process.Ports;
import io.commandpost.launcher.process.ResidentMemory;
import io.commandpost.launcher.process.RunLock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The whole system on one machine: a Kafka broker process, PostgreSQL, the four packaged services and the
 * console as child processes. The run command and the system test both start it through this class.
 */
public final class CommandPostSystem implements AutoCloseable {

    private static final Duration SERVICE_STOP_GRACE = Duration.ofSeconds(20);
    private static final Duration BROKER_START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration LEFTOVER_STOP_GRACE = Duration.ofSeconds(30);

    private final SystemOptions options;
    private final Consumer<String> console;
    private final JsonHttp http = new JsonHttp(Duration.ofSeconds(5));
    private final Map<Service, ChildProcess> services = new EnumMap<>(Service.class);
    private final Map<Service, Integer> ports = new EnumMap<>(Service.class);
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean stopping;
    private volatile KafkaBroker broker;
    private volatile Database database;
    private volatile PageReceiver pageReceiver;
    private volatile RunLock runLock;
    private String apiKey;
    /** The key with role service through which alert-ingest's Slack commands act for the person typing. */
    private String servicesApiKey;
    private SigningKeys signingKeys;
    private ConsoleAccounts consoleAccounts;
    private String pageWebhookSecret;
    private String pageWebhookUrl;
    private String bootstrapServers;
    private Duration startupTime;

    public CommandPostSystem(SystemOptions options, Consumer<String> console) {
        this.options = options;
        this.console = console;
    }

    /** Starts everything and returns once every service reports ready; on failure, stops what it started. */
    public void start() {
        long began = System.nanoTime();
        try {
            requirePackagedServices();
            runLock = RunLock.acquire(options.baseDir());
            runLock.stopLeftovers(LEFTOVER_STOP_GRACE)
                    .forEach(child -> console.accept("stopped " + child + ", left running by an earlier run"));
            Files.createDirectories(options.logDir());
            apiKey = Secrets.loadOrCreate(options.baseDir().resolve("api-key"), "cp_");
            servicesApiKey = Secrets.loadOrCreate(options.baseDir().resolve("services-api-key"), "cps_");
            signingKeys = SigningKeys.generate();
            consoleAccounts = ConsoleAccounts.loadOrCreate(options.baseDir().resolve("console-accounts"));
            pageWebhookSecret = options.pageWebhookSecret().orElseGet(
                    () -> Secrets.loadOrCreate(options.baseDir().resolve("page-webhook-secret"), "whsec_"));
            CompletableFuture<Void> kafka = CompletableFuture.runAsync(this::startKafka);
            CompletableFuture<Void> postgres = CompletableFuture.runAsync(this::startDatabase);
            joinAll(List.of(kafka, postgres));
            pageWebhookUrl = options.pageWebhookUrl().orElseGet(() -> {
                pageReceiver = PageReceiver.start(options.pageReceiverPort(), pageWebhookSecret,
                        options.logDir().resolve("pages.log"), console);
                return pageReceiver.url();
            });
            for (Service service : Service.values()) {
                int port = Ports.preferredOrNextFree(options.servicePort(service));
                while (ports.containsValue(port)) { // free, but already given to another service
                    port = Ports.preferredOrNextFree(port + 1);
                }
                ports.put(service, port);
                services.put(service, serviceProcess(service));
            }
            for (Service service : Service.values()) {
                launch(service);
            }
            awaitReady(options.readyTimeout(), Service.values());
            startupTime = Duration.ofNanos(System.nanoTime() - began);
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    // ---- what a user (or a test) needs to reach the system

    public URI url(Service service) {
        return URI.create("http://localhost:" + ports.get(service));
    }

    public String apiKey() {
        return apiKey;
    }

    /** The key of role {@code service}: it may act for a person named in {@code X-CommandPost-On-Behalf-Of}. */
    public String servicesApiKey() {
        return servicesApiKey;
    }

    /** The console's local accounts (NOT FOR PRODUCTION): who can sign in and with which password. */
    public ConsoleAccounts consoleAccounts() {
        return consoleAccounts;
    }

    /** This run's token signing keys: the console signs, every service verifies. */
    public SigningKeys signingKeys() {
        return signingKeys;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String pageWebhookUrl() {
        return pageWebhookUrl;
    }

    public Optional<PageReceiver> pageReceiver() {
        return Optional.ofNullable(pageReceiver);
    }

    public Database database() {
        return database;
    }

    public SystemOptions options() {
        return options;
    }

    /** From {@link #start()} to every service ready. */
    public Duration startupTime() {
        return startupTime;
    }

    public String kafkaDescription() {
        return broker == null ? bootstrapServers + " (external)"
                : bootstrapServers + " (embedded KRaft broker, data in " + broker.dir() + ")";
    }

    public long pid(Service service) {
        return services.get(service).pid();
    }

    public Path logFile(Service service) {
        return services.get(service).logFile();
    }

    // ---- failure drills: the system test stops and restarts parts of the running system

    /** kill -9 of one service. */
    public void killService(Service service) {
        services.get(service).kill();
    }

    public void stopService(Service service) {
        services.get(service).stop(SERVICE_STOP_GRACE);
    }

    /** Starts a stopped or killed service again (same port, same environment) and waits until it is ready. */
    public void restartService(Service service) {
        ChildProcess process = services.get(service);
        if (process.isAlive()) {
            process.stop(SERVICE_STOP_GRACE);
        }
        launch(service);
        awaitReady(options.readyTimeout(), service);
    }

    public void stopBroker() {
        embeddedBroker().stop();
    }

    public void startBroker() {
        embeddedBroker().start(BROKER_START_TIMEOUT);
        runLock.record("kafka", broker.pid());
    }

    public long brokerPid() {
        return broker == null ? -1 : broker.pid();
    }

    /**
     * Resident memory (kB, VmRSS) per process: this JVM, the broker, each service; PostgreSQL as the
     * proportional set size of the postmaster and all its backends.
     */
    public Map<String, Long> residentMemoryKb() {
        Map<String, Long> rss = new LinkedHashMap<>();
        ResidentMemory.kibibytes(ProcessHandle.current().pid()).ifPresent(kb -> rss.put("launcher (this JVM)", kb));
        if (broker != null) {
            ResidentMemory.kibibytes(broker.pid()).ifPresent(kb -> rss.put("kafka", kb));
        }
        if (database != null) {
            database.pid().ifPresent(pid -> ResidentMemory.proportionalKibibytesWithDescendants(pid)
                    .ifPresent(kb -> rss.put("postgres (all processes, PSS)", kb)));
        }
        services.forEach((service, process) -> ResidentMemory.kibibytes(process.pid())
                .ifPresent(kb -> rss.put(service.moduleName(), kb)));
        return rss;
    }

    public void awaitReady(Duration timeout, Service... which) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Service> pending = new ArrayList<>(Arrays.asList(which));
        Map<Service, String> lastAnswer = new EnumMap<>(Service.class);
        while (!pending.isEmpty()) {
            for (Service service : List.copyOf(pending)) {
                ChildProcess process = services.get(service);
                if (!process.isAlive()) {
                    throw new IllegalStateException(service.moduleName() + " exited with code " + process.exitCode()
                            + " before it was ready; see " + process.logFile());
                }
                String answer = readiness(service);
                if (answer == null) {
                    pending.remove(service);
                } else {
                    lastAnswer.put(service, answer);
                }
            }
            if (pending.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                Service first = pending.get(0);
                throw new IllegalStateException(first.moduleName() + " was not ready within " + timeout
                        + " (last answer: " + lastAnswer.get(first) + "); see " + services.get(first).logFile()
                        + (pending.size() > 1 ? "; also not ready: " + pending.subList(1, pending.size()) : ""));
            }
            pause(Duration.ofMillis(250));
        }
    }

    /** Stops the services, then the broker, then PostgreSQL. Safe to call twice and from a shutdown hook. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        stopping = true;
        services.values().forEach(ChildProcess::requestStop);
        services.values().forEach(process -> attempt("stopping " + process.name(), () -> process.awaitExit(SERVICE_STOP_GRACE)));
        if (pageReceiver != null) {
            attempt("stopping the page receiver", pageReceiver::close);
        }
        if (broker != null) {
            attempt("stopping the Kafka broker", broker::stop);
        }
        if (database != null) {
            attempt("stopping PostgreSQL", database::close);
        }
        if (runLock != null) {
            attempt("releasing the run lock", runLock::close);
        }
    }

    // ---- internals

    private void startKafka() {
        Optional<String> external = options.externalKafka();
        if (external.isPresent()) {
            bootstrapServers = external.get();
            return;
        }
        KafkaBroker embedded = KafkaBroker.in(options.baseDir().resolve("kafka"), options.launcherLibDir(),
                options.kafkaPort(), options.controllerPort(), options.brokerJvmArgs(), options.logDir().resolve("kafka.log"));
        broker = embedded;
        embedded.start(BROKER_START_TIMEOUT);
        runLock.record("kafka", embedded.pid());
        bootstrapServers = embedded.bootstrapServers();
        if (closed.get()) {
            embedded.stop(); // stopped (Ctrl-C) while the broker was starting
        }
    }

    private void startDatabase() {
        List<String> names = Arrays.stream(Service.values()).filter(Service::hasDatabase).map(Service::database).toList();
        database = options.externalPostgres()
                .<Database>map(server -> ExternalDatabase.connect(server, names, console))
                .orElseGet(() -> EmbeddedDatabase.start(options.baseDir().resolve("postgres"), options.postgresPort(),
                        options.logDir().resolve("postgres.log"), names));
        database.pid().ifPresent(pid -> runLock.record("postgres", pid));
        if (closed.get()) {
            database.close(); // stopped (Ctrl-C) while PostgreSQL was starting
        }
    }

    private ChildProcess serviceProcess(Service service) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + service.maxHeap()); // the last -Xmx wins: serviceJvmArgs may override it
        command.addAll(options.serviceJvmArgs());
        command.add("-jar");
        command.add(options.serviceJar(service).toString());
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(ports.get(service)));
        // every service verifies the console's tokens with this key (the console signs them with its pair)
        env.put("COMMANDPOST_OIDC_PUBLIC_KEY", signingKeys.publicKeyBase64());
        if (service == Service.CONSOLE) {
            env.putAll(consoleEnvironment());
            return new ChildProcess(service.moduleName(), command, env, options.baseDir(),
                    options.logDir().resolve(service.moduleName() + ".log"));
        }
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        if (broker != null && System.getenv("COMMANDPOST_TOPICS_PARTITIONS") == null) {
            // the launcher's own single node: one partition per topic (see BrokerConfig); an existing broker keeps
            // the services' default
            env.put("COMMANDPOST_TOPICS_PARTITIONS", "1");
        }
        env.put("COMMANDPOST_DB_URL", database.jdbcUrl(service.database()));
        env.put("COMMANDPOST_DB_USER", database.user());
        env.put("COMMANDPOST_DB_PASSWORD", database.password());
        // the demo key (an admin named api-key) and the key Slack commands act through for a person (ADR 0023)
        env.put("COMMANDPOST_API_KEYS", apiKey + ",slack:service:" + servicesApiKey);
        env.put("COMMANDPOST_SERVICES_API_KEY", servicesApiKey);
        env.put("COMMANDPOST_PAGE_WEBHOOK_URL", pageWebhookUrl);
        env.put("COMMANDPOST_PAGE_WEBHOOK_SECRET", pageWebhookSecret);
        if (pageReceiver != null && System.getenv("COMMANDPOST_ANNOUNCE_WEBHOOK_URL") == null) {
            env.put("COMMANDPOST_ANNOUNCE_WEBHOOK_URL", pageReceiver.announcementsUrl());
        }
        return new ChildProcess(service.moduleName(), command, env, options.baseDir(),
                options.logDir().resolve(service.moduleName() + ".log"));
    }

    private Map<String, String> consoleEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("COMMANDPOST_INGEST_URL", url(Service.ALERT_INGEST).toString());
        env.put("COMMANDPOST_ROTATION_URL", url(Service.ROTATION).toString());
        env.put("COMMANDPOST_INCIDENT_URL", url(Service.INCIDENT).toString());
        env.put("COMMANDPOST_NOTIFICATION_URL", url(Service.NOTIFICATION).toString());
        env.put("COMMANDPOST_CONSOLE_SIGNING_KEY", signingKeys.privateKeyBase64());
        env.put("COMMANDPOST_CONSOLE_ACCOUNTS", consoleAccounts.asSetting());
        env.put("COMMANDPOST_CONSOLE_TEAMS", String.join(",", options.consoleTeams()));
        // every service verifies the console's tokens: the console calls them with the signed-in person's token
        return env;
    }

    private void launch(Service service) {
        if (closed.get()) {
            throw new IllegalStateException("the system is stopping");
        }
        ChildProcess process = services.get(service);
        process.start();
        runLock.record(service.moduleName(), process.pid());
        if (closed.get()) {
            process.stop(SERVICE_STOP_GRACE); // stopped while this service was being launched
        }
        process.onExit().thenAccept(ended -> {
            if (!stopping && ended != null) {
                console.accept(service.moduleName() + " exited (code " + ended.exitValue() + "); see " + process.logFile());
            }
        });
    }

    /** null when ready, else what the health endpoint (or the connection) said. */
    private String readiness(Service service) {
        try {
            JsonHttp.Response response = http.get(url(service).resolve("/q/health/ready"), null);
            return response.status() == 200 && "UP".equals(response.body().path("status").asText()) ? null
                    : response.status() + " " + response.text();
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }

    private void requirePackagedServices() {
        List<String> missing = Arrays.stream(Service.values()).map(options::serviceJar)
                .filter(jar -> !Files.isRegularFile(jar)).map(Path::toString).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("not built yet: " + missing + " (run ./mvnw -B -DskipTests install)");
        }
        if (options.externalKafka().isEmpty() && !Files.isDirectory(options.launcherLibDir())) {
            throw new IllegalStateException("not built yet: " + options.launcherLibDir() + " (the broker's classpath)");
        }
    }

    private KafkaBroker embeddedBroker() {
        if (broker == null) {
            throw new IllegalStateException("the broker is external (" + bootstrapServers + "): not ours to stop or start");
        }
        return broker;
    }

    private void attempt(String what, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            console.accept(what + " failed: " + e);
        }
    }

    private static void joinAll(List<CompletableFuture<Void>> futures) {
        try {
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the services", e);
        }
    }
}

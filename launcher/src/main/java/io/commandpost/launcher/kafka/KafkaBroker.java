package io.commandpost.launcher.kafka;

import io.commandpost.launcher.process.ChildProcess;
import io.commandpost.launcher.process.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;

/**
 * A real Kafka broker process in KRaft combined mode, run from the kafka_2.13 jars on the launcher's
 * classpath. Its data (and the config of the last run) lives in one directory and survives restarts.
 */
public final class KafkaBroker {

    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final Path dir;
    private final Path libDir;
    private final List<String> jvmArgs;
    private final Path logFile;
    private final BrokerConfig config;
    private ChildProcess process;

    private KafkaBroker(Path dir, Path libDir, List<String> jvmArgs, Path logFile, BrokerConfig config) {
        this.dir = dir;
        this.libDir = libDir;
        this.jvmArgs = List.copyOf(jvmArgs);
        this.logFile = logFile;
        this.config = config;
    }

    /** Ports: those of the previous run when the node is already formatted, else the preferred ones or the next free. */
    public static KafkaBroker in(Path dir, Path libDir, int preferredPort, int preferredControllerPort,
                                 List<String> jvmArgs, Path logFile) {
        Path dataDir = dir.resolve("data");
        BrokerConfig config = BrokerConfig.portsOf(dir.resolve("server.properties"))
                .filter(ports -> Files.exists(dataDir.resolve("meta.properties")))
                .map(ports -> new BrokerConfig(ports[0], ports[1], dataDir))
                .orElseGet(() -> {
                    int port = Ports.preferredOrNextFree(preferredPort);
                    int controllerPort = Ports.preferredOrNextFree(
                            preferredControllerPort == port ? preferredControllerPort + 1 : preferredControllerPort);
                    if (controllerPort == port) {
                        controllerPort = Ports.preferredOrNextFree(port + 1);
                    }
                    return new BrokerConfig(port, controllerPort, dataDir);
                });
        return new KafkaBroker(dir, libDir, jvmArgs, logFile, config);
    }

    public synchronized void start(Duration timeout) {
        if (process != null && process.isAlive()) {
            return;
        }
        requirePortFree(config.port());
        requirePortFree(config.controllerPort());
        Path serverProperties = dir.resolve("server.properties");
        try {
            Files.createDirectories(config.dataDir());
            Files.writeString(serverProperties, config.render());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + serverProperties, e);
        }
        if (!Files.exists(config.dataDir().resolve("meta.properties"))) {
            format(serverProperties);
        }
        process = java("kafka", List.of("kafka.Kafka", serverProperties.toString()));
        process.start();
        awaitReady(timeout);
    }

    public synchronized void stop() {
        if (process != null) {
            process.stop(STOP_GRACE);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + config.port();
    }

    public long pid() {
        return process == null ? -1 : process.pid();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public Path logFile() {
        return logFile;
    }

    public Path dir() {
        return dir;
    }

    private void format(Path serverProperties) {
        String clusterId = Uuid.randomUuid().toString();
        ChildProcess storageTool = java("kafka-storage-format", List.of("kafka.tools.StorageTool", "format",
                "--standalone", "-t", clusterId, "-c", serverProperties.toString()));
        int exit = storageTool.runToCompletion(Duration.ofMinutes(2));
        if (exit != 0) {
            throw new IllegalStateException("formatting the Kafka log directory failed (exit " + exit + "); see " + logFile);
        }
    }

    private ChildProcess java(String name, List<String> mainAndArgs) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-Djava.awt.headless=true");
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=info");
        command.add("-Dorg.slf4j.simpleLogger.showDateTime=true");
        command.add("-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS");
        command.add("-cp");
        command.add(libDir.toAbsolutePath() + "/*");
        command.addAll(mainAndArgs);
        return new ChildProcess(name, command, Map.of(), dir, logFile);
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers(),
                "request.timeout.ms", 2000, "default.api.timeout.ms", 3000,
                "reconnect.backoff.max.ms", 500))) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the Kafka broker exited (code " + process.exitCode() + "); see " + logFile
                            + "; it ends with:" + System.lineSeparator() + process.logTail(4_000));
                }
                try {
                    if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the broker", e);
                } catch (Exception e) {
                    last = e;
                }
            }
        }
        throw new IllegalStateException("the Kafka broker at " + bootstrapServers() + " was not ready within " + timeout
                + " (" + last + "); see " + logFile);
    }

    private void requirePortFree(int port) {
        if (!Ports.isFree(port)) {
            throw new IllegalStateException("port " + port + " is taken: is another broker (an earlier run?) still running? "
                    + "The broker's data in " + dir + " is tied to ports " + config.port() + "/" + config.controllerPort());
        }
    }
}

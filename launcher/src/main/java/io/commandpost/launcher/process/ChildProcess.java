package io.commandpost.launcher.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One child process (a service JVM or the broker) with its output appended to its own log file.
 * It can be stopped gracefully, killed (SIGKILL) and started again with the same command.
 */
public final class ChildProcess {

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path workingDirectory;
    private final Path logFile;
    private volatile Process process;

    public ChildProcess(String name, List<String> command, Map<String, String> environment,
                        Path workingDirectory, Path logFile) {
        this.name = name;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.workingDirectory = workingDirectory;
        this.logFile = logFile;
    }

    public synchronized void start() {
        if (isAlive()) {
            throw new IllegalStateException(name + " is already running as pid " + pid());
        }
        try {
            Files.createDirectories(logFile.getParent());
            Files.writeString(logFile, "==== " + Instant.now() + " starting " + name + ": " + String.join(" ", command)
                    + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /** SIGTERM, then SIGKILL when it has not exited within the grace period. */
    public void stop(Duration grace) {
        requestStop();
        awaitExit(grace);
    }

    /** SIGTERM without waiting, so that several children can shut down side by side. */
    public void requestStop() {
        Process current = process;
        if (current != null && current.isAlive()) {
            current.destroy();
        }
    }

    /** Waits for the process to end, and SIGKILLs it after the grace period. */
    public void awaitExit(Duration grace) {
        Process current = process;
        if (current == null || !current.isAlive()) {
            return;
        }
        try {
            if (!current.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                current.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            current.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** kill -9: no shutdown hook, no graceful close. */
    public void kill() {
        Process current = process;
        if (current == null) {
            return;
        }
        current.destroyForcibly();
        try {
            current.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The end of the log (at most {@code maxBytes}, whole lines), for a failure message: a process that exits while
     * starting says why there and then, not only in a file that CI may not keep.
     */
    public String logTail(int maxBytes) {
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(logFile.toFile(), "r")) {
            long from = Math.max(0, file.length() - maxBytes);
            byte[] bytes = new byte[(int) (file.length() - from)];
            file.seek(from);
            file.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            int firstLine = from == 0 ? 0 : text.indexOf('\n') + 1;
            return text.substring(firstLine).stripTrailing();
        } catch (IOException e) {
            return "(could not read " + logFile + ": " + e.getMessage() + ")";
        }
    }

    /** Runs to completion (a one-shot tool such as the storage formatter) and returns its exit code. */
    public int runToCompletion(Duration timeout) {
        start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
                throw new IllegalStateException(name + " did not finish within " + timeout + "; see " + logFile);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + name, e);
        }
    }

    /** Completes when the current incarnation of the process ends. */
    public java.util.concurrent.CompletableFuture<Process> onExit() {
        Process current = process;
        return current == null ? java.util.concurrent.CompletableFuture.completedFuture(null) : current.onExit();
    }

    public boolean isAlive() {
        Process current = process;
        return current != null && current.isAlive();
    }

    /** The exit code of a process that has ended, else -1. */
    public int exitCode() {
        Process current = process;
        return current == null || current.isAlive() ? -1 : current.exitValue();
    }

    public long pid() {
        Process current = process;
        return current == null ? -1 : current.pid();
    }

    public String name() {
        return name;
    }

    public Path logFile() {
        return logFile;
    }
}

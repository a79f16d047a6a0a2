package io.commandpost.launcher.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One run per data directory, and nothing left behind by a run that was killed. A launcher killed with
 * SIGKILL (or by the OOM killer) cannot stop its children: the broker, PostgreSQL and the services keep
 * running and hold the ports and the data. So the launcher holds a lock on the data directory for its whole
 * life (the OS releases it however the process ends) and records every child it starts; the next run, once
 * it holds the lock, stops each recorded child still alive, newest first (services, then the broker and the
 * database). A child is recognised by its pid and its start time, so a reused pid is never touched.
 */
public final class RunLock implements AutoCloseable {

    private static final String LOCK_FILE = "run.lock";
    private static final String CHILDREN_FILE = "run.children";

    private final FileChannel channel;
    private final FileLock lock;
    private final Path children;

    private RunLock(FileChannel channel, FileLock lock, Path children) {
        this.channel = channel;
        this.lock = lock;
        this.children = children;
    }

    /** Takes the lock on {@code dir}, or fails when another run holds it. */
    public static RunLock acquire(Path dir) {
        try {
            Files.createDirectories(dir);
            FileChannel channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("another run is using " + dir
                        + "; stop it first (Ctrl-C where it runs), or set COMMANDPOST_HOME to another directory");
            }
            return new RunLock(channel, lock, dir.resolve(CHILDREN_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("could not lock " + dir, e);
        }
    }

    /**
     * Stops the children an earlier run recorded that are still running (SIGTERM, SIGKILL after
     * {@code grace}), newest first, then forgets them. Returns what it stopped, to tell the user.
     */
    public List<String> stopLeftovers(Duration grace) {
        List<String> stopped = new ArrayList<>();
        List<Child> recorded = recorded();
        Collections.reverse(recorded);
        for (Child child : recorded) {
            child.running().ifPresent(process -> {
                stop(process, grace);
                stopped.add(child.name() + " (pid " + child.pid() + ")");
            });
        }
        try {
            Files.deleteIfExists(children);
        } catch (IOException e) {
            throw new UncheckedIOException("could not reset " + children, e);
        }
        return stopped;
    }

    /** Remembers a child this run started, for the next run should this one be killed. */
    public synchronized void record(String name, long pid) {
        Optional<Instant> started = ProcessHandle.of(pid).flatMap(process -> process.info().startInstant());
        if (started.isEmpty()) {
            return; // already gone, or a platform that does not tell: nothing the next run could safely match
        }
        try {
            Files.writeString(children, name + " " + pid + " " + started.get().toEpochMilli() + System.lineSeparator(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("could not record " + name + " in " + children, e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not release the run lock", e);
        }
    }

    private List<Child> recorded() {
        if (!Files.isRegularFile(children)) {
            return new ArrayList<>();
        }
        try {
            List<Child> recorded = new ArrayList<>();
            for (String line : Files.readAllLines(children, StandardCharsets.UTF_8)) {
                String[] fields = line.trim().split(" ");
                if (fields.length == 3 && fields[1].matches("\\d+") && fields[2].matches("\\d+")) {
                    recorded.add(new Child(fields[0], Long.parseLong(fields[1]), Long.parseLong(fields[2])));
                }
            }
            return recorded;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + children, e);
        }
    }

    private static void stop(ProcessHandle process, Duration grace) {
        process.destroy();
        try {
            process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            process.destroyForcibly();
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not wait for pid " + process.pid(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping pid " + process.pid(), e);
        }
    }

    private record Child(String name, long pid, long startedAtMillis) {
        /** The process, if it is still this child: same pid, same start time. */
        Optional<ProcessHandle> running() {
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(process -> process.info().startInstant()
                            .map(start -> start.toEpochMilli() == startedAtMillis).orElse(false));
        }
    }
}

package io.commandpost.launcher.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Resident set size of a process as the kernel reports it (/proc/&lt;pid&gt;/status VmRSS). */
public final class ResidentMemory {

    private ResidentMemory() {
    }

    public static Optional<Long> kibibytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Optional.of(Long.parseLong(line.substring("VmRSS:".length()).replace("kB", "").trim()));
                }
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * A process and all its descendants (PostgreSQL forks a backend per connection), as proportional set
     * size (/proc/&lt;pid&gt;/smaps_rollup Pss): summing RSS would count their shared buffers once per process.
     */
    public static Optional<Long> proportionalKibibytesWithDescendants(long pid) {
        Optional<ProcessHandle> root = ProcessHandle.of(pid);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        long total = proportionalKibibytes(pid).orElse(0L)
                + root.get().descendants().mapToLong(child -> proportionalKibibytes(child.pid()).orElse(0L)).sum();
        return Optional.of(total);
    }

    private static Optional<Long> proportionalKibibytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    return Optional.of(Long.parseLong(line.substring("Pss:".length()).replace("kB", "").trim()));
                }
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}

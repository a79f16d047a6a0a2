package io.commandpost.launcher.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLockTest {

    @TempDir
    Path dir;

    private Process holder;
    private Process other;

    @AfterEach
    void killLeftovers() {
        for (Process process : new Process[] {holder, other}) {
            if (process != null) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
    }

    @Test
    void aRunKilledWithSigkillLeavesItsChildrenToTheNextRunWhichStopsThem() throws Exception {
        holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RunLockHolder.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        String line = output.readLine();
        assertThat(line).startsWith("child ");
        ProcessHandle child = ProcessHandle.of(Long.parseLong(line.substring(6))).orElseThrow();

        // while the first run lives, a second one is refused
        assertThatThrownBy(() -> RunLock.acquire(dir)).hasMessageContaining("another run is using");

        holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        assertThat(child.isAlive()).as("a SIGKILLed launcher leaves its child running").isTrue();

        try (RunLock next = RunLock.acquire(dir)) {
            List<String> stopped = next.stopLeftovers(Duration.ofSeconds(10));
            assertThat(stopped).containsExactly("sleeper (pid " + child.pid() + ")");
            child.onExit().get(10, TimeUnit.SECONDS);
            assertThat(child.isAlive()).isFalse();
            // and they are forgotten: the run after that finds nothing to stop
            assertThat(next.stopLeftovers(Duration.ofSeconds(10))).isEmpty();
        }
    }

    @Test
    void aRecordedPidNowBelongingToAnotherProcessIsLeftAlone() throws Exception {
        other = new ProcessBuilder("sleep", "600").start();
        long started = other.info().startInstant().orElseThrow().toEpochMilli();
        // the same pid, started at another time: a reused pid, not the recorded child
        Files.writeString(dir.resolve("run.children"), "kafka " + other.pid() + " " + (started - 60_000) + "\n");

        try (RunLock lock = RunLock.acquire(dir)) {
            assertThat(lock.stopLeftovers(Duration.ofSeconds(10))).isEmpty();
        }
        assertThat(other.isAlive()).isTrue();
    }

    @Test
    void theLockIsFreeAgainOnceReleased() {
        RunLock.acquire(dir).close();
        RunLock.acquire(dir).close();
    }
}

package io.commandpost.launcher.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessLogTailTest {

    @Test
    void aFailureQuotesTheLastWholeLinesOfTheLog(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("service.log");
        Files.writeString(log, IntStream.rangeClosed(1, 1000).mapToObj(i -> "line " + i)
                .collect(Collectors.joining("\n", "", "\n")));
        ChildProcess process = new ChildProcess("service", List.of("true"), Map.of(), dir, log);

        String tail = process.logTail(100);

        assertThat(tail).endsWith("line 1000").hasSizeLessThanOrEqualTo(100);
        assertThat(tail.lines()).allMatch(line -> line.matches("line \\d+"));
        assertThat(new ChildProcess("short", List.of("true"), Map.of(), dir, log).logTail(1_000_000))
                .startsWith("line 1\n");
    }

    @Test
    void aMissingLogIsSaidNotThrown(@TempDir Path dir) {
        assertThat(new ChildProcess("service", List.of("true"), Map.of(), dir, dir.resolve("none.log")).logTail(100))
                .startsWith("(could not read");
    }
}

package io.commandpost.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The feature packages of the service depend on each other one way only: the shared intake types ({@code intake})
 * and the mapping language ({@code mapping}) depend on no feature, integrations on those, the webhooks on all
 * three. Read from the sources, so a cycle is named by the packages in it.
 */
class FeaturePackagesTest {

    private static final Path SOURCES = Path.of("src/main/java/io/commandpost/ingest");
    private static final Pattern REFERENCE = Pattern.compile("io\\.commandpost\\.ingest\\.(\\w+)\\.");

    @Test
    void featurePackagesHaveNoCycles() throws IOException {
        Map<String, Set<String>> uses = dependencies();

        List<String> cycles = new ArrayList<>();
        for (String start : uses.keySet()) {
            findCycles(start, start, new ArrayList<>(List.of(start)), uses, cycles);
        }

        assertThat(cycles).as("dependencies between feature packages: %s", uses).isEmpty();
    }

    @Test
    void theSharedIntakeTypesDependOnNoFeature() throws IOException {
        Map<String, Set<String>> uses = dependencies();

        assertThat(uses.getOrDefault("intake", Set.of())).isEmpty();
        assertThat(uses.getOrDefault("mapping", Set.of())).containsOnly("intake");
        assertThat(uses.getOrDefault("integration", Set.of())).isSubsetOf("intake", "mapping");
    }

    private static Map<String, Set<String>> dependencies() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                String feature = SOURCES.relativize(file).getName(0).toString();
                if (feature.endsWith(".java")) {
                    continue;
                }
                Set<String> used = uses.computeIfAbsent(feature, key -> new TreeSet<>());
                Matcher matcher = REFERENCE.matcher(Files.readString(file));
                while (matcher.find()) {
                    if (!matcher.group(1).equals(feature)) {
                        used.add(matcher.group(1));
                    }
                }
            }
        }
        return uses;
    }

    private static void findCycles(String start, String at, List<String> path, Map<String, Set<String>> uses,
                                   List<String> cycles) {
        for (String next : uses.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                cycles.add(String.join(" -> ", path) + " -> " + start);
            } else if (!path.contains(next) && next.compareTo(start) > 0) {
                path.add(next);
                findCycles(start, next, path, uses, cycles);
                path.remove(path.size() - 1);
            }
        }
    }
}

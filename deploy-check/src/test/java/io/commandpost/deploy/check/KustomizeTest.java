package io.commandpost.deploy.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which kustomize renders the overlays, and what happens without one or when it refuses a kustomization. */
class KustomizeTest {

    @TempDir
    Path bin;

    private Path executable(String name, String script) throws IOException {
        Path file = bin.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + script + "\n");
        assertThat(file.toFile().setExecutable(true)).isTrue();
        return file;
    }

    @Test
    void noneWhenNeitherKubectlNorKustomizeIsOnThePath() {
        assertThat(Kustomize.onPath(bin.toString())).isEmpty();
    }

    @Test
    void prefersKubectlsEmbeddedKustomize() throws IOException {
        executable("kustomize", "exit 1");
        Path kubectl = executable("kubectl", "exit 1");

        assertThat(Kustomize.onPath("/nonexistent" + File.pathSeparator + bin).orElseThrow().command())
                .isEqualTo(kubectl + " kustomize");
    }

    @Test
    void fallsBackToStandaloneKustomizeAndReturnsWhatItPrints() throws IOException {
        Path kustomize = executable("kustomize", "echo \"rendered $1 $2\"");
        Kustomize found = Kustomize.onPath(bin.toString()).orElseThrow();

        assertThat(found.command()).isEqualTo(kustomize + " build");
        assertThat(found.build(bin)).isEqualTo("rendered build " + bin.toAbsolutePath() + "\n");
    }

    @Test
    void aRefusedKustomizationFailsWithKustomizesMessage() throws IOException {
        executable("kustomize", "echo 'accumulating resources: missing.yaml' >&2; exit 1");

        assertThatThrownBy(() -> Kustomize.onPath(bin.toString()).orElseThrow().build(bin))
                .hasMessageContaining("failed (exit 1)").hasMessageContaining("accumulating resources: missing.yaml");
    }
}

package io.commandpost.deploy.check;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Renders a kustomization with the real kustomize: {@code kubectl kustomize} (kubectl embeds kustomize) or a
 * standalone {@code kustomize build}, whichever is on the PATH first. There is no maintained Java
 * implementation of kustomize, so without either binary nothing can be rendered.
 */
public final class Kustomize {

    private static final long TIMEOUT_SECONDS = 120;

    private final List<String> command;

    private Kustomize(List<String> command) {
        this.command = command;
    }

    /** The kustomize found on the PATH, kubectl's first. */
    public static Optional<Kustomize> onPath() {
        return onPath(System.getenv().getOrDefault("PATH", ""));
    }

    static Optional<Kustomize> onPath(String path) {
        Optional<Path> kubectl = executable(path, "kubectl");
        if (kubectl.isPresent()) {
            return Optional.of(new Kustomize(List.of(kubectl.get().toString(), "kustomize")));
        }
        return executable(path, "kustomize").map(binary -> new Kustomize(List.of(binary.toString(), "build")));
    }

    private static Optional<Path> executable(String path, String name) {
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** How this kustomize is invoked, for messages. */
    public String command() {
        return String.join(" ", command);
    }

    /** The rendered YAML stream of the kustomization in {@code directory}; fails with kustomize's own message. */
    public String build(Path directory) {
        List<String> args = new ArrayList<>(command);
        args.add(directory.toAbsolutePath().toString());
        Path errors = null;
        try {
            errors = Files.createTempFile("kustomize", ".err");
            Process process = new ProcessBuilder(args).redirectError(errors.toFile()).start();
            process.getOutputStream().close();
            String rendered = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command() + " " + directory + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(command() + " " + directory + " failed (exit " + process.exitValue() + "): "
                        + Files.readString(errors).strip());
            }
            return rendered;
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + command(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering " + directory, e);
        } finally {
            if (errors != null) {
                errors.toFile().delete();
            }
        }
    }
}

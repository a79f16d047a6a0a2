package io.commandpost.deploy.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No Docker engine runs in the build, so the Dockerfile is checked by parsing it: its stages, base images, users,
 * ports and health checks.
 */
class DockerfileTest {

    @Test
    void buildsEveryServiceFromSourceIntoANonRootImageWithAHealthCheck() {
        Dockerfile dockerfile = Dockerfile.parse(Repository.read("deploy/docker/Dockerfile"));

        assertThat(ImageRules.check(dockerfile, Repository.servicePorts())).isEmpty();
        assertThat(Repository.servicePorts()).containsEntry("alert-ingest-service", 8081).hasSize(4);
    }

    @Test
    void theBuildStageCopiesEveryModulesPomAndOnlyFilesThatExist() {
        Dockerfile dockerfile = Dockerfile.parse(Repository.read("deploy/docker/Dockerfile"));
        List<String> sources = dockerfile.stages().stream()
                .flatMap(stage -> stage.all("COPY").stream())
                .filter(copy -> !copy.arguments().startsWith("--"))
                .flatMap(copy -> {
                    List<String> words = Arrays.asList(copy.arguments().split("\\s+"));
                    return words.subList(0, words.size() - 1).stream();
                })
                .toList();

        // Maven reads every module of the reactor, so a module added to the root pom must be copied too
        assertThat(sources).containsAll(modules().stream().map(module -> module + "/pom.xml").toList());
        assertThat(sources).allSatisfy(source -> assertThat(Repository.path(source)).exists());
        assertThat(sources).noneMatch(source -> source.contains("target/"));
    }

    private static List<String> modules() {
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(Repository.read("pom.xml"));
        List<String> modules = new java.util.ArrayList<>();
        while (module.find()) {
            modules.add(module.group(1).strip());
        }
        assertThat(modules).isNotEmpty();
        return modules;
    }

    @Test
    void readsContinuedLinesCommentsAndStageNames() {
        Dockerfile dockerfile = Dockerfile.parse("""
                # syntax=docker/dockerfile:1
                ARG BASE=x
                FROM --platform=linux/amd64 maven:3.9.12-eclipse-temurin-17 AS build
                RUN mvn -B \\
                    # a comment inside the instruction
                    package
                FROM build AS app
                USER 185
                """);

        assertThat(dockerfile.stages()).hasSize(2);
        assertThat(dockerfile.stages().get(0).base()).isEqualTo("maven:3.9.12-eclipse-temurin-17");
        assertThat(dockerfile.stages().get(0).all("RUN")).singleElement()
                .satisfies(run -> assertThat(run.arguments()).isEqualTo("mvn -B  package"));
        assertThat(dockerfile.lineage(dockerfile.stage("app").orElseThrow())).hasSize(2);
        assertThat(dockerfile.effectiveUser(dockerfile.stage("build").orElseThrow())).isEqualTo("root");
    }

    @Test
    void reportsASingleStageRootImageWithoutHealthCheck() {
        Dockerfile dockerfile = Dockerfile.parse("""
                FROM eclipse-temurin:latest AS incident-service
                COPY incident-service/target/quarkus-app/ /app/
                ENTRYPOINT ["java", "-jar", "/app/quarkus-run.jar"]
                """);

        assertThat(ImageRules.check(dockerfile, Map.of("incident-service", 8083))).containsExactlyInAnyOrder(
                "not a multi-stage build (1 stage)",
                "stage incident-service: image eclipse-temurin:latest is not pinned (tag it with a version or a digest)",
                "no stage builds the services from source (RUN mvn ... package)",
                "stage incident-service: runs as root (add USER with a non-root id)",
                "stage incident-service: copies nothing from the build stage",
                "stage incident-service: does not EXPOSE 8083",
                "stage incident-service: no HEALTHCHECK on :8083/q/health/*");
    }
}

package io.commandpost.deploy.check;

import io.commandpost.deploy.check.Dockerfile.Instruction;
import io.commandpost.deploy.check.Dockerfile.Stage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rules our Dockerfile keeps, checked on its parsed stages. */
public final class ImageRules {

    private ImageRules() {
    }

    /**
     * Multi-stage and from source: one stage runs the Maven build, every service's stage copies its result from it
     * and carries no build tool. Every base image is pinned (version tag or digest, never latest). Every service
     * stage runs as a non-root user, exposes its HTTP port and has a HEALTHCHECK on its /q/health endpoint.
     *
     * @param servicePorts the service stages that must exist, with their HTTP port
     */
    public static List<String> check(Dockerfile dockerfile, Map<String, Integer> servicePorts) {
        List<String> violations = new ArrayList<>();
        if (dockerfile.stages().size() < 2) {
            violations.add("not a multi-stage build (" + dockerfile.stages().size() + " stage)");
        }
        Set<String> earlier = new HashSet<>();
        for (Stage stage : dockerfile.stages()) {
            if (!earlier.contains(stage.base())) {
                Rules.image(stage.base(), "stage " + stage.name().orElse("(unnamed)"), violations);
            }
            stage.name().ifPresent(earlier::add);
        }
        boolean builds = dockerfile.stages().stream().anyMatch(ImageRules::runsTheBuild);
        if (!builds) {
            violations.add("no stage builds the services from source (RUN mvn ... package)");
        }
        servicePorts.forEach((service, port) -> {
            Stage stage = dockerfile.stage(service).orElse(null);
            if (stage == null) {
                violations.add("no stage named " + service);
                return;
            }
            String where = "stage " + service;
            String user = dockerfile.effectiveUser(stage).split(":")[0];
            if (user.equals("root") || user.equals("0")) {
                violations.add(where + ": runs as root (add USER with a non-root id)");
            }
            List<Stage> lineage = dockerfile.lineage(stage);
            if (lineage.stream().anyMatch(ImageRules::runsTheBuild)) {
                violations.add(where + ": carries the build stage (copy the packaged service from it instead)");
            }
            if (stage.all("COPY").stream().noneMatch(copy -> copy.arguments().contains("--from="))) {
                violations.add(where + ": copies nothing from the build stage");
            }
            boolean exposed = lineage.stream().flatMap(each -> each.all("EXPOSE").stream())
                    .anyMatch(expose -> List.of(expose.arguments().split("\\s+")).contains(String.valueOf(port)));
            if (!exposed) {
                violations.add(where + ": does not EXPOSE " + port);
            }
            String healthcheck = lineage.stream().flatMap(each -> each.last("HEALTHCHECK").stream())
                    .map(Instruction::arguments).findFirst().orElse("NONE");
            if (healthcheck.equalsIgnoreCase("NONE") || !healthcheck.contains(":" + port + "/q/health/")) {
                violations.add(where + ": no HEALTHCHECK on :" + port + "/q/health/*");
            }
        });
        return violations;
    }

    private static boolean runsTheBuild(Stage stage) {
        return stage.all("RUN").stream().anyMatch(run -> run.arguments().matches(".*\\b(mvn|mvnw)\\b.*\\bpackage\\b.*"));
    }
}

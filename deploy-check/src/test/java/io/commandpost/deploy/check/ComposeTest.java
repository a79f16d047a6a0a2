package io.commandpost.deploy.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml starts the whole system from source: every service built from its stage of the Dockerfile,
 * Kafka, PostgreSQL and the page receiver from pinned images, everything with a health check, and the services
 * started once their infrastructure is healthy.
 */
class ComposeTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() {
        Map<String, Object> compose = new Yaml().load(Repository.read("docker-compose.yml"));
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    @Test
    void runsEveryServiceWithItsInfrastructureAndAPageReceiver() {
        assertThat(services()).containsKeys("kafka", "postgres", "page-receiver")
                .containsKeys(Repository.SERVICES.toArray(String[]::new));
    }

    @Test
    @SuppressWarnings("unchecked")
    void buildsEachServiceFromItsDockerfileStage() {
        Dockerfile dockerfile = Dockerfile.parse(Repository.read("deploy/docker/Dockerfile"));
        for (String service : Repository.SERVICES) {
            Map<String, Object> build = (Map<String, Object>) services().get(service).get("build");
            assertThat(build).as(service).containsEntry("context", ".")
                    .containsEntry("dockerfile", "deploy/docker/Dockerfile").containsEntry("target", service);
            assertThat(dockerfile.stage(service)).as(service).isPresent();
            assertThat((Map<String, Object>) services().get(service).get("depends_on")).as(service)
                    .containsKeys("kafka", "postgres")
                    .allSatisfy((name, condition) -> assertThat((Map<String, Object>) condition)
                            .containsEntry("condition", "service_healthy"));
        }
    }

    @Test
    void everyContainerHasAHealthCheckAndEveryPulledImageIsPinned() {
        Dockerfile dockerfile = Dockerfile.parse(Repository.read("deploy/docker/Dockerfile"));
        services().forEach((name, service) -> {
            boolean built = service.containsKey("build");
            boolean checked = service.containsKey("healthcheck")
                    || built && dockerfile.stage(name).flatMap(stage -> stage.last("HEALTHCHECK")).isPresent();
            assertThat(checked).as(name + " has a health check").isTrue();
            List<String> violations = new ArrayList<>();
            Rules.image((String) service.get("image"), name, violations);
            assertThat(violations).isEmpty();
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void pagesAndAnnouncementsGoToThePageReceiver() {
        Map<String, Object> environment = (Map<String, Object>) services().get("notification-service").get("environment");

        assertThat((String) environment.get("COMMANDPOST_PAGE_WEBHOOK_URL")).contains("http://page-receiver:8089/");
        assertThat((String) environment.get("COMMANDPOST_ANNOUNCE_WEBHOOK_URL")).contains("http://page-receiver:8089/");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theConsoleIsOneAddressForTheServicesAndTakesTheSignInSettings() {
        Map<String, Object> console = services().get("console");
        Map<String, Object> environment = (Map<String, Object>) console.get("environment");

        assertThat((Map<String, Object>) console.get("build")).containsEntry("dockerfile", "deploy/docker/Dockerfile")
                .containsEntry("target", "console");
        assertThat(Dockerfile.parse(Repository.read("deploy/docker/Dockerfile")).stage("console")).isPresent();
        assertThat((Map<String, Object>) console.get("depends_on")).containsOnlyKeys(Repository.SERVICES)
                .allSatisfy((name, condition) -> assertThat((Map<String, Object>) condition)
                        .containsEntry("condition", "service_healthy"));
        Map<String, Integer> ports = Repository.servicePorts();
        assertThat(environment)
                .containsEntry("COMMANDPOST_INGEST_URL", "http://alert-ingest-service:" + ports.get("alert-ingest-service"))
                .containsEntry("COMMANDPOST_ROTATION_URL", "http://rotation-service:" + ports.get("rotation-service"))
                .containsEntry("COMMANDPOST_INCIDENT_URL", "http://incident-service:" + ports.get("incident-service"))
                .containsEntry("COMMANDPOST_NOTIFICATION_URL",
                        "http://notification-service:" + ports.get("notification-service"))
                .containsKeys("COMMANDPOST_OIDC_AUTH_SERVER_URL", "COMMANDPOST_OIDC_ISSUER", "COMMANDPOST_OIDC_ROLES_CLAIM",
                        "COMMANDPOST_OIDC_CLIENT_ID", "COMMANDPOST_OIDC_CLIENT_SECRET");
        assertThat((List<String>) console.get("ports")).containsExactly("8080:8080");
    }

    @Test
    void theBuildContextLeavesOutBuildOutputAndHistory() {
        assertThat(Repository.read(".dockerignore").lines().map(String::strip)).contains("**/target/", ".git/");
    }
}

package io.commandpost.deploy.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.commandpost.deploy.check.Rules.Profile;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule catches what it is for: manifests that break one rule each are reported, by object and reason. */
class RulesTest {

    private static final String BARE_DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: { name: bare, namespace: commandpost }
            spec:
              replicas: 1
              selector: { matchLabels: { app.kubernetes.io/name: bare } }
              template:
                metadata: { labels: { app.kubernetes.io/name: bare } }
                spec:
                  containers:
                    - name: bare
                      image: commandpost/bare:latest
                      env:
                        - { name: COMMANDPOST_DB_PASSWORD, value: hunter2 }
                      readinessProbe: { tcpSocket: { port: 8080 } }
            ---
            apiVersion: v1
            kind: Secret
            metadata: { name: commandpost, namespace: commandpost }
            stringData: { db-password: hunter2 }
            """;

    @Test
    void reportsEveryRuleABareDeploymentBreaks() {
        List<String> violations = Rules.check(Manifests.parse(BARE_DEPLOYMENT), Profile.PRODUCTION);

        assertThat(violations).contains(
                "Deployment/commandpost/bare container bare: no startupProbe",
                "Deployment/commandpost/bare container bare: readinessProbe is not an HTTP GET on /q/health/*",
                "Deployment/commandpost/bare container bare: no livenessProbe",
                "Deployment/commandpost/bare container bare: no cpu request",
                "Deployment/commandpost/bare container bare: no memory limit",
                "Deployment/commandpost/bare container bare: image commandpost/bare:latest is not pinned (tag it with a version or a digest)",
                "Deployment/commandpost/bare container bare: COMMANDPOST_DB_PASSWORD is a literal value; use a secretKeyRef",
                "Deployment/commandpost/bare: no PodDisruptionBudget selects its pods",
                "Deployment/commandpost/bare: no NetworkPolicy restricts who reaches its pods",
                "Deployment/commandpost/bare: no container port named http",
                "Deployment/commandpost/bare: fewer than two replicas in production (1)",
                "Secret/commandpost/commandpost: production renders secret values; reference a Secret created beside it");
    }

    @Test
    void devMayCarryDevelopmentSecretsButRunsOneReplica() {
        List<String> violations = Rules.check(Manifests.parse(BARE_DEPLOYMENT.replace("replicas: 1", "replicas: 2")), Profile.DEV);

        assertThat(violations).contains("Deployment/commandpost/bare: dev runs one replica, not 2")
                .noneMatch(violation -> violation.contains("literal value") || violation.startsWith("Secret/"));
    }

    @Test
    void aDisruptionBudgetInAnotherNamespaceOrForOtherPodsDoesNotCover() {
        String budgets = BARE_DEPLOYMENT + """
                ---
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata: { name: elsewhere, namespace: other }
                spec: { maxUnavailable: 1, selector: { matchLabels: { app.kubernetes.io/name: bare } } }
                ---
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata: { name: others, namespace: commandpost }
                spec: { maxUnavailable: 1, selector: { matchLabels: { app.kubernetes.io/name: other } } }
                """;

        assertThat(Rules.check(Manifests.parse(budgets), Profile.DEV)).contains("Deployment/commandpost/bare: no PodDisruptionBudget selects its pods");
    }

    @Test
    void anAutoscalersMinimumCountsAsTheReplicas() {
        String scaled = BARE_DEPLOYMENT + """
                ---
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: { name: bare, namespace: commandpost }
                spec:
                  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: bare }
                  minReplicas: 2
                  maxReplicas: 4
                """;

        assertThat(Rules.check(Manifests.parse(scaled), Profile.PRODUCTION)).noneMatch(violation -> violation.contains("replicas"));
    }

    @Test
    void pinnedImagesPass() {
        for (String image : List.of("commandpost/x:0.1.0", "registry.example.com:5000/commandpost/x:0.1.0",
                "commandpost/x@sha256:0123456789abcdef")) {
            List<String> violations = new java.util.ArrayList<>();
            Rules.image(image, "x", violations);
            assertThat(violations).as(image).isEmpty();
        }
        for (String image : List.of("commandpost/x", "registry.example.com:5000/commandpost/x", "commandpost/x:latest")) {
            List<String> violations = new java.util.ArrayList<>();
            Rules.image(image, "x", violations);
            assertThat(violations).as(image).hasSize(1);
        }
    }

    @Test
    void schemaErrorsNameUnknownFieldsAndKinds() {
        List<HasMetadata> objects = Manifests.parse("""
                apiVersion: v1
                kind: Service
                metadata: { name: typo }
                spec:
                  selector: { app: x }
                  ports: [{ name: http, port: 80, targetPorts: http }]
                ---
                apiVersion: example.com/v1
                kind: Widget
                metadata: { name: w }
                ---
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: { name: t }
                spec: { partitions: 1 }
                """);

        assertThat(Manifests.schemaErrors(objects)).containsExactly(
                "Service/typo: unknown field .spec.ports[0].targetPorts",
                "Widget/w: example.com/v1 Widget is not a Kubernetes API kind");
    }
}

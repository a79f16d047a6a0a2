package io.commandpost.deploy.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.commandpost.deploy.check.Rules.Profile;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Renders every overlay under deploy/kubernetes/overlays with the real kustomize and checks what a cluster would
 * receive. Skipped, saying so, when neither kubectl nor kustomize is on the PATH.
 */
class KubernetesOverlaysTest {

    private static final Path OVERLAYS = Repository.path("deploy/kubernetes/overlays");
    private static final Map<String, List<HasMetadata>> RENDERED = new ConcurrentHashMap<>();

    static Stream<String> overlays() throws IOException {
        try (Stream<Path> entries = Files.list(OVERLAYS)) {
            return entries.filter(Files::isDirectory).map(dir -> dir.getFileName().toString()).sorted().toList().stream();
        }
    }

    private static List<HasMetadata> rendered(String overlay) {
        Optional<Kustomize> kustomize = Kustomize.onPath();
        assumeTrue(kustomize.isPresent(), "SKIPPED: neither kubectl nor kustomize is on the PATH, so the overlays "
                + "in deploy/kubernetes/overlays were not rendered or checked");
        return RENDERED.computeIfAbsent(overlay, name -> Manifests.parse(kustomize.get().build(OVERLAYS.resolve(name))));
    }

    private static Profile profile(String overlay) {
        return Profile.valueOf(overlay.toUpperCase(Locale.ROOT));
    }

    @Test
    void theOverlaysAreDevAndProduction() throws IOException {
        assertThat(overlays()).containsExactly("dev", "production");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyObjectMatchesTheKubernetesApiSchema(String overlay) {
        List<HasMetadata> objects = rendered(overlay);

        assertThat(objects).isNotEmpty();
        assertThat(Manifests.schemaErrors(objects)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyObjectKeepsOurDeploymentRules(String overlay) {
        assertThat(Rules.check(rendered(overlay), profile(overlay))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceIsDeployedWithAServiceAndADisruptionBudget(String overlay) {
        List<HasMetadata> objects = rendered(overlay);

        assertThat(Rules.all(objects, Deployment.class)).extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(Repository.DEPLOYED);
        assertThat(Rules.all(objects, Service.class)).extracting(s -> s.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(Repository.DEPLOYED);
        assertThat(Rules.all(objects, PodDisruptionBudget.class)).hasSize(Repository.DEPLOYED.size());
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void alertIngestAndNotificationScaleOnCpu(String overlay) {
        List<HorizontalPodAutoscaler> autoscalers = Rules.all(rendered(overlay), HorizontalPodAutoscaler.class);

        assertThat(autoscalers).extracting(hpa -> hpa.getSpec().getScaleTargetRef().getName())
                .containsExactlyInAnyOrder("alert-ingest-service", "notification-service");
        assertThat(autoscalers).allSatisfy(hpa -> {
            assertThat(hpa.getSpec().getMetrics()).extracting(metric -> metric.getResource().getName()).containsExactly("cpu");
            assertThat(hpa.getSpec().getMaxReplicas()).isGreaterThan(hpa.getSpec().getMinReplicas());
        });
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void oneIngressRoutesThePublicPathsToServicesThatExist(String overlay) {
        List<HasMetadata> objects = rendered(overlay);
        List<Ingress> ingresses = Rules.all(objects, Ingress.class);
        List<String> services = Rules.all(objects, Service.class).stream().map(s -> s.getMetadata().getName()).toList();

        assertThat(ingresses).hasSize(1);
        List<HTTPIngressPath> paths = ingresses.get(0).getSpec().getRules().stream()
                .flatMap(rule -> rule.getHttp().getPaths().stream()).toList();
        assertThat(paths).extracting(HTTPIngressPath::getPath)
                .contains("/v1/webhooks", "/v2/enqueue", "/v1/calendars", "/")
                .noneMatch(path -> path.startsWith("/q/") || path.startsWith("/admin"));
        assertThat(paths).allSatisfy(path -> {
            assertThat(services).contains(path.getBackend().getService().getName());
            assertThat(path.getBackend().getService().getPort().getName()).isEqualTo("http");
        });
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theKafkaTopicsGoToTheStrimziCluster(String overlay) {
        List<GenericKubernetesResource> topics = Rules.all(rendered(overlay), GenericKubernetesResource.class).stream()
                .filter(object -> "KafkaTopic".equals(object.getKind())).toList();

        assertThat(topics).hasSize(KafkaTopicsTest.expectedTopics().size());
        assertThat(topics).allSatisfy(topic -> {
            assertThat(topic.getApiVersion()).isEqualTo("kafka.strimzi.io/v1");
            assertThat(topic.getMetadata().getLabels()).containsKey("strimzi.io/cluster");
            assertThat(topic.getMetadata().getNamespace()).isNotBlank();
        });
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void onlyTheIngressControllerTheConsoleTheSlackCommandsAndPrometheusReachTheHttpPorts(String overlay) {
        List<NetworkPolicy> policies = Rules.all(rendered(overlay), NetworkPolicy.class);

        assertThat(policies).singleElement().satisfies(policy -> {
            assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress");
            assertThat(policy.getSpec().getIngress()).allSatisfy(rule -> {
                assertThat(rule.getPorts()).extracting(port -> port.getPort().getStrVal()).containsExactly("http");
                assertThat(rule.getFrom()).isNotEmpty().allSatisfy(peer -> assertThat(peer.getIpBlock()).isNull());
            });
            assertThat(policy.getSpec().getIngress()).flatExtracting(rule -> rule.getFrom())
                    .extracting(peer -> peer.getPodSelector().getMatchLabels().get("app.kubernetes.io/name"))
                    .containsExactlyInAnyOrder("ingress-nginx", "console", "alert-ingest-service", "prometheus");
        });
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyDeploymentReadsTheIdentityProviderAndTheConsoleItsClientSecretFromTheSecret(String overlay) {
        List<Deployment> deployments = Rules.all(rendered(overlay), Deployment.class);

        assertThat(deployments).allSatisfy(deployment -> assertThat(env(deployment))
                .filteredOn(env -> env.getName().matches("COMMANDPOST_OIDC_(AUTH_SERVER_URL|ISSUER|ROLES_CLAIM)"))
                .hasSize(3)
                .allSatisfy(env -> assertThat(env.getValueFrom().getConfigMapKeyRef().getName()).isEqualTo("commandpost")));
        Deployment console = deployments.stream().filter(d -> d.getMetadata().getName().equals("console")).findFirst()
                .orElseThrow();
        assertThat(env(console)).filteredOn(env -> env.getName().equals("COMMANDPOST_OIDC_CLIENT_SECRET"))
                .singleElement().satisfies(env -> assertThat(env.getValueFrom().getSecretKeyRef().getKey())
                        .isEqualTo("oidc-client-secret"));
    }

    private static List<io.fabric8.kubernetes.api.model.EnvVar> env(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
    }

    @Test
    void productionOnlyReferencesSecrets() {
        List<HasMetadata> objects = rendered("production");

        assertThat(Rules.all(objects, Secret.class)).isEmpty();
        assertThat(Rules.all(objects, Deployment.class)).allSatisfy(deployment -> assertThat(
                deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
                .filteredOn(env -> env.getName().matches(".*(PASSWORD|SECRET|API_KEYS|SIGNING_KEY).*"))
                .isNotEmpty()
                .allSatisfy(env -> assertThat(env.getValueFrom().getSecretKeyRef()).isNotNull()));
    }
}

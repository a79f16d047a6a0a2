package io.commandpost.deploy.check;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The project's deployment rules over one rendered overlay. Each rule is a sentence in {@link #check}'s list; a
 * violation names the object and what is missing.
 */
public final class Rules {

    /** What an overlay is for: production is held to more rules than dev. */
    public enum Profile { DEV, PRODUCTION }

    /** An environment variable whose name says it carries a credential. */
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|API_KEY|_KEYS?|CREDENTIAL).*");
    private static final String HEALTH = "/q/health/";

    private Rules() {
    }

    /**
     * Every container has startup, readiness and liveness probes on /q/health/*; requests (cpu, memory) and a
     * memory limit; an image with a pinned tag or digest, never {@code latest}. Every Deployment is covered by a
     * PodDisruptionBudget and a NetworkPolicy, its pods carry Prometheus scrape annotations and a Service exposes
     * its {@code http} port. Production: no Secret with values and no credential as a literal env value; at least
     * two replicas (an autoscaler's minimum counts). Dev: one replica.
     */
    public static List<String> check(List<HasMetadata> objects, Profile profile) {
        List<String> violations = new ArrayList<>();
        List<Deployment> deployments = all(objects, Deployment.class);
        for (Deployment deployment : deployments) {
            String name = name(deployment);
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            for (Container container : pod.getContainers()) {
                String where = name + " container " + container.getName();
                probe(container.getStartupProbe(), "startupProbe", where, violations);
                probe(container.getReadinessProbe(), "readinessProbe", where, violations);
                probe(container.getLivenessProbe(), "livenessProbe", where, violations);
                resources(container.getResources(), where, violations);
                image(container.getImage(), where, violations);
                if (profile == Profile.PRODUCTION) {
                    literalSecrets(container.getEnv(), where, violations);
                }
            }
            if (all(objects, PodDisruptionBudget.class).stream()
                    .noneMatch(pdb -> sameNamespace(pdb, deployment) && selects(pdb.getSpec().getSelector(), podLabels))) {
                violations.add(name + ": no PodDisruptionBudget selects its pods");
            }
            if (all(objects, NetworkPolicy.class).stream()
                    .noneMatch(policy -> sameNamespace(policy, deployment)
                            && selects(policy.getSpec().getPodSelector(), podLabels)
                            && Optional.ofNullable(policy.getSpec().getPolicyTypes()).orElse(List.of()).contains("Ingress"))) {
                violations.add(name + ": no NetworkPolicy restricts who reaches its pods");
            }
            scraping(deployment, objects, violations);
            replicas(deployment, objects, profile, violations);
        }
        if (profile == Profile.PRODUCTION) {
            for (Secret secret : all(objects, Secret.class)) {
                if (!isEmpty(secret.getData()) || !isEmpty(secret.getStringData())) {
                    violations.add(name(secret) + ": production renders secret values; reference a Secret created beside it");
                }
            }
        }
        return violations;
    }

    private static void probe(Probe probe, String kind, String where, List<String> violations) {
        if (probe == null) {
            violations.add(where + ": no " + kind);
        } else if (probe.getHttpGet() == null || probe.getHttpGet().getPath() == null
                || !probe.getHttpGet().getPath().startsWith(HEALTH)) {
            violations.add(where + ": " + kind + " is not an HTTP GET on " + HEALTH + "*");
        }
    }

    private static void resources(ResourceRequirements resources, String where, List<String> violations) {
        Map<String, Quantity> requests = resources == null ? null : resources.getRequests();
        Map<String, Quantity> limits = resources == null ? null : resources.getLimits();
        for (String resource : List.of("cpu", "memory")) {
            if (requests == null || !requests.containsKey(resource)) {
                violations.add(where + ": no " + resource + " request");
            }
        }
        if (limits == null || !limits.containsKey("memory")) {
            violations.add(where + ": no memory limit");
        } else if (requests != null && requests.containsKey("memory")
                && limits.get("memory").getNumericalAmount().compareTo(requests.get("memory").getNumericalAmount()) < 0) {
            violations.add(where + ": memory limit below its request");
        }
    }

    static void image(String image, String where, List<String> violations) {
        if (image == null || image.isBlank()) {
            violations.add(where + ": no image");
            return;
        }
        if (image.contains("@sha256:")) {
            return;
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        String tag = colon > slash ? image.substring(colon + 1) : "";
        if (tag.isEmpty() || tag.equals("latest")) {
            violations.add(where + ": image " + image + " is not pinned (tag it with a version or a digest)");
        }
    }

    private static void literalSecrets(List<EnvVar> env, String where, List<String> violations) {
        for (EnvVar variable : Optional.ofNullable(env).orElse(List.of())) {
            if (variable.getValue() != null && SECRET_NAME.matcher(variable.getName()).matches()) {
                violations.add(where + ": " + variable.getName() + " is a literal value; use a secretKeyRef");
            }
        }
    }

    private static void scraping(Deployment deployment, List<HasMetadata> objects, List<String> violations) {
        String name = name(deployment);
        Map<String, String> annotations = Optional.ofNullable(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
                .orElse(Map.of());
        Optional<Integer> httpPort = deployment.getSpec().getTemplate().getSpec().getContainers().stream()
                .flatMap(container -> Optional.ofNullable(container.getPorts()).orElse(List.of()).stream())
                .filter(port -> "http".equals(port.getName())).map(port -> port.getContainerPort()).findFirst();
        if (httpPort.isEmpty()) {
            violations.add(name + ": no container port named http");
        }
        if (!"true".equals(annotations.get("prometheus.io/scrape")) || !"/q/metrics".equals(annotations.get("prometheus.io/path"))
                || !Objects.equals(httpPort.map(String::valueOf).orElse(null), annotations.get("prometheus.io/port"))) {
            violations.add(name + ": pods lack prometheus.io/scrape, /path (/q/metrics) and /port (the http port) annotations");
        }
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        boolean served = all(objects, Service.class).stream()
                .filter(service -> sameNamespace(service, deployment) && service.getSpec().getSelector() != null
                        && podLabels.entrySet().containsAll(service.getSpec().getSelector().entrySet()))
                .anyMatch(service -> service.getSpec().getPorts().stream().anyMatch(port -> "http".equals(port.getName()))
                        && service.getMetadata().getLabels() != null
                        && service.getMetadata().getLabels().containsKey("app.kubernetes.io/name"));
        if (!served) {
            violations.add(name + ": no Service with a port named http and an app.kubernetes.io/name label (for a ServiceMonitor)");
        }
    }

    private static void replicas(Deployment deployment, List<HasMetadata> objects, Profile profile, List<String> violations) {
        Optional<HorizontalPodAutoscaler> autoscaler = all(objects, HorizontalPodAutoscaler.class).stream()
                .filter(hpa -> sameNamespace(hpa, deployment) && "Deployment".equals(hpa.getSpec().getScaleTargetRef().getKind())
                        && deployment.getMetadata().getName().equals(hpa.getSpec().getScaleTargetRef().getName()))
                .findFirst();
        int least = autoscaler.map(hpa -> Optional.ofNullable(hpa.getSpec().getMinReplicas()).orElse(1))
                .orElse(Optional.ofNullable(deployment.getSpec().getReplicas()).orElse(1));
        if (profile == Profile.PRODUCTION && least < 2) {
            violations.add(name(deployment) + ": fewer than two replicas in production (" + least + ")");
        }
        if (profile == Profile.DEV && least != 1) {
            violations.add(name(deployment) + ": dev runs one replica, not " + least);
        }
    }

    /** Whether a selector (matchLabels and matchExpressions In/Exists) selects pods with these labels. */
    static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector == null || labels == null) {
            return false;
        }
        if (selector.getMatchLabels() != null && !labels.entrySet().containsAll(selector.getMatchLabels().entrySet())) {
            return false;
        }
        return Optional.ofNullable(selector.getMatchExpressions()).orElse(List.of()).stream().allMatch(expression -> {
            String value = labels.get(expression.getKey());
            return switch (expression.getOperator()) {
                case "In" -> value != null && expression.getValues().contains(value);
                case "NotIn" -> value == null || !expression.getValues().contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false;
            };
        });
    }

    static <T extends HasMetadata> List<T> all(List<HasMetadata> objects, Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static boolean sameNamespace(HasMetadata a, HasMetadata b) {
        return Objects.equals(a.getMetadata().getNamespace(), b.getMetadata().getNamespace());
    }

    private static boolean isEmpty(Map<?, ?> map) {
        return map == null || map.isEmpty();
    }

    /** {@code Kind/namespace/name}, for messages. */
    public static String name(HasMetadata object) {
        String namespace = object.getMetadata().getNamespace();
        return object.getKind() + "/" + (namespace == null ? "" : namespace + "/") + object.getMetadata().getName();
    }
}

package io.commandpost.deploy.check;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.ByteArrayInputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rendered manifests parsed into the fabric8 Kubernetes model, the Java form of the Kubernetes API schemas: a kind
 * or apiVersion the model does not know comes back as a {@link GenericKubernetesResource}, and a field the schema
 * does not have lands in the object's additional properties. Both are reported by {@link #schemaErrors}.
 */
public final class Manifests {

    /** Custom resources we deploy on purpose; the model has no schema for them. */
    public static final Set<String> CUSTOM_KINDS = Set.of("KafkaTopic");

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final String MODEL_PACKAGE = "io.fabric8.kubernetes.api.model";

    private Manifests() {
    }

    /** Every object of a YAML stream (documents separated by {@code ---}). */
    public static List<HasMetadata> parse(String yaml) {
        Object parsed = SERIALIZATION.unmarshal(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
        List<HasMetadata> objects = new ArrayList<>();
        if (parsed instanceof Collection<?> many) {
            many.forEach(object -> objects.add((HasMetadata) object));
        } else if (parsed instanceof HasMetadata one) {
            objects.add(one);
        }
        return objects;
    }

    /** Objects whose kind the model does not know, and fields their schema does not have (with their path). */
    public static List<String> schemaErrors(List<HasMetadata> objects) {
        List<String> errors = new ArrayList<>();
        for (HasMetadata object : objects) {
            String name = Rules.name(object);
            if (object instanceof GenericKubernetesResource) {
                if (!CUSTOM_KINDS.contains(object.getKind())) {
                    errors.add(name + ": " + object.getApiVersion() + " " + object.getKind() + " is not a Kubernetes API kind");
                }
                continue;
            }
            unknownFields(object, "", errors, name, 0);
        }
        return errors;
    }

    private static void unknownFields(Object value, String path, List<String> errors, String owner, int depth) {
        if (value == null || depth > 40) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", errors, owner, depth + 1);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> unknownFields(item, path + "[" + key + "]", errors, owner, depth + 1));
            return;
        }
        if (!value.getClass().getName().startsWith(MODEL_PACKAGE)) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object field = invoke(getter, value);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (field instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    extra.keySet().forEach(key -> errors.add(owner + ": unknown field " + path + "." + key));
                }
            } else {
                unknownFields(field, path + "." + decapitalize(getter.getName().substring(3)), errors, owner, depth + 1);
            }
        }
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            return null;
        }
    }

    private static String decapitalize(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}

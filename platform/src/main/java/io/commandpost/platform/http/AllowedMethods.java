package io.commandpost.platform.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The methods a path accepts, for the {@code Allow} header of a 405 (RFC 9110 requires it; Quarkus
 * REST's NotAllowedException does not carry it). Built once from the resource classes.
 */
@ApplicationScoped
public class AllowedMethods {

    private static final Pattern PARAM = Pattern.compile("\\{\\s*\\w[\\w.-]*\\s*(?::\\s*((?:[^{}]|\\{[^{}]*})*)\\s*)?}");

    private final BeanManager beans;
    private volatile List<Route> routes;

    AllowedMethods(BeanManager beans) {
        this.beans = beans;
    }

    record Route(Pattern path, String method, List<String> consumes) {
    }

    /** The media types the path's body-taking methods accept, for the detail of a 415; empty when none say. */
    public List<String> consumedBy(String path) {
        TreeSet<String> types = new TreeSet<>();
        for (Route route : routes()) {
            if (route.path().matcher(path).matches()) {
                types.addAll(route.consumes());
            }
        }
        return List.copyOf(types);
    }

    /** Comma-separated methods for the path, or empty when no resource matches it. */
    public String allowFor(String path) {
        TreeSet<String> methods = new TreeSet<>();
        for (Route route : routes()) {
            if (route.path().matcher(path).matches()) {
                methods.add(route.method());
            }
        }
        if (methods.contains("GET")) {
            methods.add("HEAD");
        }
        if (!methods.isEmpty()) {
            methods.add("OPTIONS");
        }
        return String.join(", ", methods);
    }

    private List<Route> routes() {
        if (routes == null) {
            List<Route> found = new ArrayList<>();
            for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
                Path classPath = bean.getBeanClass().getAnnotation(Path.class);
                if (classPath == null) {
                    continue;
                }
                for (Method method : bean.getBeanClass().getMethods()) {
                    String http = httpMethod(method);
                    if (http != null) {
                        Path methodPath = method.getAnnotation(Path.class);
                        Consumes consumes = method.getAnnotation(Consumes.class) != null
                                ? method.getAnnotation(Consumes.class) : bean.getBeanClass().getAnnotation(Consumes.class);
                        found.add(new Route(toRegex(join(classPath.value(), methodPath == null ? "" : methodPath.value())),
                                http, consumes == null ? List.of() : List.of(consumes.value())));
                    }
                }
            }
            routes = found;
        }
        return routes;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    static String join(String classPath, String methodPath) {
        String joined = ("/" + classPath + "/" + methodPath).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    static Pattern toRegex(String template) {
        StringBuilder regex = new StringBuilder();
        Matcher matcher = PARAM.matcher(template);
        int last = 0;
        while (matcher.find()) {
            regex.append(Pattern.quote(template.substring(last, matcher.start())));
            regex.append('(').append(matcher.group(1) != null ? matcher.group(1).trim() : "[^/]+").append(')');
            last = matcher.end();
        }
        regex.append(Pattern.quote(template.substring(last))).append("/?");
        return Pattern.compile(regex.toString());
    }
}

package io.commandpost.platform.http;

import io.commandpost.platform.config.PlatformConfig;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * The first gate on every route but the public ones (health, metrics, and endpoints that check their own
 * credentials such as webhooks): a request without any bearer token is refused with 401 before its body is read.
 * Which token it is (a service API key or a person's JWT) and what its role allows is decided by Quarkus security
 * (platform {@code security}).
 */
@ApplicationScoped
public class ApiKeyFilter {

    static final int PRIORITY = 1000;

    private final List<String> publicPaths;

    ApiKeyFilter(PlatformConfig config) {
        this.publicPaths = config.auth().publicPaths();
    }

    void register(@Observes Filters filters) {
        filters.register(this::filter, PRIORITY);
    }

    void filter(RoutingContext context) {
        String path = context.normalizedPath();
        if (isPublic(path) || bearerToken(context.request().getHeader(HttpHeaders.AUTHORIZATION)) != null) {
            context.next();
            return;
        }
        HttpProblems.send(context, 401, "Unauthorized", "a valid bearer token (a person's sign-in or a service API "
                + "key) is required", "WWW-Authenticate", "Bearer realm=\"commandpost\"");
    }

    boolean isPublic(String path) {
        return publicPaths.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix.endsWith("/")
                ? prefix : prefix + "/"));
    }

    /** The token of an {@code Authorization: Bearer …} header, or null. */
    public static String bearerToken(String authorization) {
        if (authorization == null || authorization.length() < 7
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).trim();
        return token.isEmpty() ? null : token;
    }
}

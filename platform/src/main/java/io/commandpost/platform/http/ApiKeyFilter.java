package io.commandpost.platform.http;

import io.commandpost.platform.config.PlatformConfig;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * Bearer API keys on every route but the public ones (health, metrics, and endpoints that check
 * their own credentials such as webhooks). Runs before any body is read; keys are compared in
 * constant time, and an unknown key is answered exactly like a wrong one.
 */
@ApplicationScoped
public class ApiKeyFilter {

    static final int PRIORITY = 1000;

    private final List<byte[]> keys;
    private final List<String> publicPaths;

    ApiKeyFilter(PlatformConfig config) {
        this.keys = config.auth().apiKeys().stream().map(key -> key.getBytes(StandardCharsets.UTF_8)).toList();
        this.publicPaths = config.auth().publicPaths();
    }

    void register(@Observes Filters filters) {
        filters.register(this::filter, PRIORITY);
    }

    void filter(RoutingContext context) {
        String path = context.normalizedPath();
        if (isPublic(path) || matches(bearerToken(context.request().getHeader(HttpHeaders.AUTHORIZATION)))) {
            context.next();
            return;
        }
        HttpProblems.send(context, 401, "Unauthorized", "a valid bearer API key is required",
                "WWW-Authenticate", "Bearer realm=\"commandpost\"");
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

    private boolean matches(String token) {
        if (token == null) {
            return false;
        }
        byte[] presented = token.getBytes(StandardCharsets.UTF_8);
        boolean found = false;
        for (byte[] key : keys) {
            found |= MessageDigest.isEqual(key, presented);
        }
        return found;
    }
}

package io.commandpost.console.services;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.commandpost.console.proxy.ApiRoutes;
import io.commandpost.console.config.ConsoleConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The services' public API as the pages call it: the same paths the proxy routes ({@link ApiRoutes} picks the
 * owner), with the caller's {@code Authorization}. Blocking; called from worker threads.
 */
@ApplicationScoped
public class Services {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ConsoleConfig.Services addresses;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    Services(ConsoleConfig config, ObjectMapper json) {
        this.addresses = config.services();
        this.json = json;
    }

    public Answer get(String authorization, String path) {
        return send(authorization, path, HttpRequest.newBuilder().GET());
    }

    /**
     * A path every service answers for itself (such as {@code /v1/audit}), asked of one of them; the proxy routes
     * no such path.
     */
    public Answer get(String authorization, ApiRoutes.Owner owner, String path) {
        return send(authorization, owner, path, HttpRequest.newBuilder().GET());
    }

    public Answer post(String authorization, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder()
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                    .header("Content-Type", "application/json");
            return send(authorization, path, request);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + body, e);
        }
    }

    private Answer send(String authorization, String path, HttpRequest.Builder request) {
        ApiRoutes.Owner owner = ApiRoutes.ownerOf(path.replaceFirst("\\?.*", ""))
                .orElseThrow(() -> new IllegalArgumentException("no service owns " + path));
        return send(authorization, owner, path, request);
    }

    private Answer send(String authorization, ApiRoutes.Owner owner, String path, HttpRequest.Builder request) {
        request.uri(URI.create(base(owner) + path)).timeout(TIMEOUT)
                .header("Authorization", authorization).header("Accept", "application/json, */*");
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), parse(response.body()), response.body());
        } catch (IOException e) {
            return Answer.unavailable(owner.name().toLowerCase() + " service unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.unavailable("interrupted");
        }
    }

    private JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance(); // Markdown, iCal, ...: the caller reads the text
        }
    }

    private String base(ApiRoutes.Owner owner) {
        URI uri = switch (owner) {
            case INGEST -> addresses.ingest();
            case ROTATION -> addresses.rotation();
            case INCIDENT -> addresses.incident();
            case NOTIFICATION -> addresses.notification();
        };
        String base = uri.toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}

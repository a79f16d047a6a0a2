package io.commandpost.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.commandpost.launcher.CommandPostSystem;
import io.commandpost.launcher.Service;
import io.commandpost.launcher.http.JsonHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The contract's endpoints, called over HTTP from outside as a client would. */
final class Api {

    private final CommandPostSystem system;
    private final JsonHttp http = new JsonHttp(Duration.ofSeconds(30));

    Api(CommandPostSystem system) {
        this.system = system;
    }

    void createTeam(String id, String... handles) {
        List<Map<String, Object>> members = new ArrayList<>();
        for (String handle : handles) {
            members.add(Map.of("handle", handle, "displayName", capitalized(handle), "email", handle + "@example.com",
                    "slackUserId", "U" + handle.toUpperCase(), "timeZone", "Europe/Paris"));
        }
        JsonHttp.Response response = http.post(uri(Service.ROTATION, "/v1/teams"), system.apiKey(),
                Map.of("id", id, "name", capitalized(id), "timeZone", "Europe/Paris", "members", members));
        assertThat(response.status()).as("POST /v1/teams: %s", response.text()).isEqualTo(201);
    }

    JsonHttp.Response onCall(String team) {
        return http.get(uri(Service.ROTATION, "/v1/teams/" + team + "/on-call"), system.apiKey());
    }

    /** Creates an Alertmanager integration for the team and returns its token. */
    String createAlertmanagerIntegration(String team) {
        JsonHttp.Response response = http.post(uri(Service.ALERT_INGEST, "/v1/integrations"), system.apiKey(),
                Map.of("team", team, "type", "alertmanager", "name", team + " prometheus", "defaultPriority", "P3"));
        assertThat(response.status()).as("POST /v1/integrations: %s", response.text()).isEqualTo(201);
        assertThat(response.body().path("token").isTextual()).as("integration token in %s", response.text()).isTrue();
        return response.body().path("token").asText();
    }

    JsonHttp.Response postAlertmanager(String integrationToken, String body) {
        return http.post(uri(Service.ALERT_INGEST, "/v1/webhooks/alertmanager"), integrationToken, body);
    }

    /** Asked with the system's API key: the asker is the key's name. */
    JsonHttp.Response askQuestion(String team, String text) {
        return http.post(uri(Service.ALERT_INGEST, "/v1/questions"), system.apiKey(),
                Map.of("team", team, "text", text));
    }

    /** The open items of the team's MRO queue, in the order the service returns them. */
    List<JsonNode> queue(String team) {
        JsonHttp.Response response = http.get(uri(Service.INCIDENT, "/v1/teams/" + team + "/queue"), system.apiKey());
        assertThat(response.status()).as("GET queue: %s", response.text()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        response.body().path("items").forEach(items::add);
        return items;
    }

    List<JsonNode> notifications(String team) {
        JsonHttp.Response response = http.get(uri(Service.NOTIFICATION, "/v1/notifications?team=" + team), system.apiKey());
        assertThat(response.status()).as("GET notifications: %s", response.text()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        response.body().path("items").forEach(items::add);
        return items;
    }

    /** GET of any endpoint with the API key. */
    JsonHttp.Response get(Service service, String pathAndQuery) {
        return http.get(uri(service, pathAndQuery), system.apiKey());
    }

    /** POST of any endpoint with the API key; asserts a 2xx. */
    JsonHttp.Response post(Service service, String path, Object body) {
        JsonHttp.Response response = http.post(uri(service, path), system.apiKey(), body);
        assertThat(response.status()).as("POST %s: %s", path, response.text()).isBetween(200, 299);
        return response;
    }

    /** POST as a person: the service key names them in {@code X-CommandPost-On-Behalf-Of}; asserts a 2xx. */
    JsonHttp.Response postAs(String person, Service service, String path, Object body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri(service, path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + system.servicesApiKey())
                    .header("X-CommandPost-On-Behalf-Of", person).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JsonHttp.mapper().writeValueAsString(body))).build();
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("POST %s as %s: %s", path, person, response.body()).isBetween(200, 299);
            return new JsonHttp.Response(response.statusCode(), JsonHttp.mapper().readTree(response.body()),
                    response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** PUT of any endpoint with the API key (no If-Match); asserts a 2xx. */
    void put(Service service, String path, Object body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri(service, path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + system.apiKey()).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(JsonHttp.mapper().writeValueAsString(body))).build();
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("PUT %s: %s", path, response.body()).isBetween(200, 299);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(Service service, String pathAndQuery) {
        return URI.create(system.url(service) + pathAndQuery);
    }

    private static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}

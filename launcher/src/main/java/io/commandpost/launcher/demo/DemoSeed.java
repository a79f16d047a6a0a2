package io.commandpost.launcher.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.commandpost.launcher.CommandPostSystem;
import io.commandpost.launcher.Service;
import io.commandpost.launcher.http.JsonHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The demo data the run command prints curls for: team "demo" with two members and an Alertmanager
 * integration for it. Created once; the integration's token (shown only once by the API) is kept on disk.
 */
public final class DemoSeed {

    public static final String TEAM = "demo";

    private final CommandPostSystem system;
    private final JsonHttp http = new JsonHttp(Duration.ofSeconds(15));

    public DemoSeed(CommandPostSystem system) {
        this.system = system;
    }

    /** Ensures the demo team and integration exist; returns the integration's token. */
    public String ensure() {
        ensureTeam();
        return ensureIntegrationToken();
    }

    private void ensureTeam() {
        var teams = system.url(Service.ROTATION).resolve("/v1/teams/");
        if (http.get(teams.resolve(TEAM), system.apiKey()).status() == 200) {
            return;
        }
        Map<String, Object> team = Map.of(
                "id", TEAM, "name", "Demo team", "timeZone", "UTC", "handoffTime", "09:00",
                "members", List.of(
                        member("alice", "Alice Martin", "U0ALICE"),
                        member("bob", "Bob Nguyen", "U0BOB")),
                "rotation", List.of("alice", "bob"));
        JsonHttp.Response created = http.post(system.url(Service.ROTATION).resolve("/v1/teams"), system.apiKey(), team);
        if (created.status() != 201 && created.status() != 409) {
            throw new IllegalStateException("could not create the demo team: " + created.status() + " " + created.text());
        }
    }

    private static Map<String, Object> member(String handle, String displayName, String slackUserId) {
        return Map.of("handle", handle, "displayName", displayName, "email", handle + "@example.com",
                "slackUserId", slackUserId, "timeZone", "UTC");
    }

    private String ensureIntegrationToken() {
        Path tokenFile = system.options().baseDir().resolve("demo-integration-token");
        try {
            if (Files.isRegularFile(tokenFile) && !Files.readString(tokenFile).isBlank()) {
                return Files.readString(tokenFile).trim();
            }
            Map<String, Object> integration = Map.of("team", TEAM, "type", "alertmanager",
                    "name", "demo prometheus", "defaultPriority", "P3");
            JsonHttp.Response created = http.post(system.url(Service.ALERT_INGEST).resolve("/v1/integrations"),
                    system.apiKey(), integration);
            JsonNode token = created.body().path("token");
            if (created.status() != 201 || !token.isTextual()) {
                throw new IllegalStateException("could not create the demo integration: " + created.status() + " " + created.text());
            }
            Files.writeString(tokenFile, token.asText() + System.lineSeparator());
            return token.asText();
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the demo integration token in " + tokenFile, e);
        }
    }
}

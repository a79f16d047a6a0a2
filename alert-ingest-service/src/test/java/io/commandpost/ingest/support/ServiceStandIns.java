package io.commandpost.ingest.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.commandpost.events.EventJson;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local HTTP server answering as rotation-service's, incident-service's and notification-service's READMEs document
 * the few endpoints slash commands call (team, on-call; declare, commander, tasks, status updates, resolve; which
 * member a Slack user is), keeping the Incident Commander rule (a task for the commander is a 409 problem with
 * incident-service's reason). It records every request. Team {@code down} answers 503 like a rotation-service that
 * cannot serve. In notification-service's contact methods, cho (no Slack user in the roster) is {@link #CHO_AT_WORK};
 * every other Slack user is a 404 there.
 */
public class ServiceStandIns implements QuarkusTestResourceLifecycleManager {

    public record Received(String method, String path, String actor, String authorization, JsonNode body) {
    }

    public static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    /** The Slack user id cho's contact methods name (the roster has none for cho). */
    public static final String CHO_AT_WORK = "U0CHOWORK";
    private static final Map<String, String> COMMANDERS = new ConcurrentHashMap<>();

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/teams/", this::rotation);
        server.createContext("/v1/incidents", this::incidents);
        server.start();
        String url = "http://localhost:" + server.getAddress().getPort();
        return Map.of("quarkus.rest-client.rotation.url", url, "quarkus.rest-client.incidents.url", url,
                "quarkus.rest-client.notifications.url", url);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    public static List<Received> received(String pathPart) {
        return RECEIVED.stream().filter(r -> r.path().contains(pathPart)).toList();
    }

    private void rotation(HttpExchange exchange) throws IOException {
        record(exchange, null);
        String[] parts = exchange.getRequestURI().getPath().split("/"); // "", v1, teams, {id}, [on-call]
        String team = parts[3];
        if (team.equals("down")) {
            problem(exchange, 503, "rotation-service is starting");
            return;
        }
        if (team.equals("nobody")) {
            problem(exchange, 404, "no team nobody");
            return;
        }
        if (parts.length == 6 && parts[4].equals("slack-users")) { // notification-service
            if (parts[5].equals(CHO_AT_WORK)) {
                json(exchange, 200, """
                        {"team":"%s","slackUserId":"%s","handle":"cho","source":"contact"}"""
                        .formatted(team, CHO_AT_WORK));
            } else {
                problem(exchange, 404, "no member of " + team + " with Slack user " + parts[5]);
            }
            return;
        }
        if (parts.length == 5 && parts[4].equals("on-call")) {
            json(exchange, 200, """
                    {"team":"%s","at":"2025-03-04T10:00:00Z","day":"2025-03-04",
                     "onDuty":{"kind":"MRO_DAY","members":["ben"]},
                     "mro":{"member":"ben","planned":"ana","started":true,"late":false,
                            "reason":"ana: next in rotation order; ana skipped: night duty the night before; ben covers"},
                     "night":{"member":"cho","planned":"cho","started":false,"late":false,
                              "reason":"cho: next in night rotation order"},
                     "skips":[]}""".formatted(team));
            return;
        }
        json(exchange, 200, """
                {"id":"%s","name":"Payments","timeZone":"Europe/Paris","members":[
                 {"handle":"ana","displayName":"Ana","email":"ana@example.com","slackUserId":"U0ANA"},
                 {"handle":"ben","displayName":"Ben","email":"ben@example.com","slackUserId":"U0BEN"},
                 {"handle":"cho","displayName":"Cho","email":"cho@example.com"}]}""".formatted(team));
    }

    private void incidents(HttpExchange exchange) throws IOException {
        JsonNode body = EventJson.mapper().readTree(exchange.getRequestBody().readAllBytes());
        record(exchange, body);
        String[] parts = exchange.getRequestURI().getPath().split("/"); // "", v1, incidents, [id, action]
        String by = exchange.getRequestHeaders().getFirst("X-CommandPost-On-Behalf-Of");
        if (parts.length == 3) {
            String id = UUID.randomUUID().toString();
            COMMANDERS.put(id, by);
            ObjectNode incident = EventJson.mapper().createObjectNode().put("incidentId", id)
                    .put("team", body.path("team").asText()).put("title", body.path("title").asText())
                    .put("severity", body.path("severity").asText("SEV3")).put("status", "DECLARED")
                    .put("commander", by);
            json(exchange, 201, incident.toString());
            return;
        }
        String id = parts[3];
        String commander = COMMANDERS.get(id);
        if (commander == null) {
            problem(exchange, 404, "no incident " + id);
            return;
        }
        switch (parts[4]) {
            case "commander" -> COMMANDERS.put(id, body.path("to").asText());
            case "tasks" -> {
                String assignee = body.path("assignee").asText();
                if (assignee.equals(commander)) {
                    problem(exchange, 409, assignee + " is the Incident Commander, who coordinates and never "
                            + "remediates; to give " + assignee + " this task, hand off command first "
                            + "(POST .../commander with another person) and then assign it");
                    return;
                }
            }
            default -> {
            }
        }
        json(exchange, parts[4].equals("tasks") || parts[4].equals("status-updates") ? 201 : 200,
                "{\"incidentId\":\"" + id + "\",\"commander\":\"" + COMMANDERS.get(id) + "\"}");
    }

    private static void record(HttpExchange exchange, JsonNode body) {
        RECEIVED.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("X-CommandPost-On-Behalf-Of"),
                exchange.getRequestHeaders().getFirst("Authorization"), body));
    }

    private static void problem(HttpExchange exchange, int status, String detail) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
        send(exchange, status, "{\"type\":\"about:blank\",\"title\":\"refused\",\"status\":" + status
                + ",\"detail\":" + EventJson.mapper().writeValueAsString(detail) + "}");
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        send(exchange, status, body);
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}

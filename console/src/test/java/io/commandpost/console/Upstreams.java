package io.commandpost.console;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the console needs around it in its own tests: a signing key pair made for the run (as the run command
 * makes one) and four recording HTTP servers standing where the services are, each answering with its own name
 * and the request it got, so a test sees which service a path reached and with which credential.
 */
public class Upstreams implements QuarkusTestResourceLifecycleManager {

    public record Received(String service, String method, String path, String authorization, String actor, String body,
                           String query) {
    }

    public static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    public static volatile KeyPair keys;

    private final List<HttpServer> servers = new ArrayList<>();

    @Override
    public Map<String, String> start() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> config = new HashMap<>();
        for (String service : List.of("ingest", "rotation", "incident", "notification")) {
            config.put("commandpost.console.services." + service, "http://localhost:" + serve(service));
        }
        config.put("smallrye.jwt.sign.key", Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded()));
        config.put("mp.jwt.verify.publickey", Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()));
        config.put("commandpost.console.local-accounts", "alice:alice-secret:admin+responder,vic:vic-secret:viewer");
        return config;
    }

    private int serve(String service) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                RECEIVED.add(new Received(service, exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Authorization"),
                        exchange.getRequestHeaders().getFirst("X-CommandPost-Actor"), body,
                        exchange.getRequestURI().getRawQuery()));
                String path = exchange.getRequestURI().getPath();
                if (path.equals("/v1/audit")) {
                    answer(exchange, audit(service));
                    return;
                }
                // a queue as incident-service answers it: kinds in capitals, questions after alerts
                String items = exchange.getRequestURI().getPath().endsWith("/queue")
                        ? "[{\"kind\":\"ALERT\",\"id\":\"fp-1\",\"priority\":\"P1\",\"summary\":\"Disk full\","
                        + "\"openedAt\":\"2026-12-07T03:00:00Z\",\"occurrences\":2,\"acknowledged\":false},"
                        + "{\"kind\":\"QUESTION\",\"id\":\"q-1\",\"summary\":\"Where are the runbooks?\","
                        + "\"asker\":\"carol\",\"openedAt\":\"2026-12-07T02:00:00Z\"}]"
                        : "[]";
                if (path.endsWith("/handovers")) {
                    items = "[{\"handoverId\":\"00000000-0000-4000-8000-00000000000a\",\"team\":\"demo\","
                            + "\"from\":\"carol\",\"to\":\"alice\",\"toTeam\":\"demo\",\"notes\":\"db-1 is flaky\","
                            + "\"openItems\":[\"alert:fp-1\"],\"status\":\"PENDING\","
                            + "\"handedOverAt\":\"2026-12-07T17:00:00Z\",\"acceptBy\":\"2026-12-07T17:30:00Z\"}]";
                } else if (path.endsWith("/deliveries")) {
                    items = "[{\"at\":\"2026-12-07T10:02:00Z\",\"endpoint\":\"/v1/webhooks/alertmanager\","
                            + "\"status\":400,\"outcome\":\"refused\",\"reason\":\"the group's status is required\","
                            + "\"requestId\":\"req-2\"},{\"at\":\"2026-12-07T10:01:00Z\","
                            + "\"endpoint\":\"/v1/webhooks/alertmanager\",\"status\":202,\"outcome\":\"accepted\","
                            + "\"accepted\":3,\"requestId\":\"req-1\"}]";
                }
                answer(exchange, "{\"service\":\"" + service + "\",\"bodyLength\":" + body.length() + ",\"items\":"
                        + items + "}");
            });
            server.start();
            servers.add(server);
            return server.getAddress().getPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Two entries of each service's audit, their times interleaved with the others'. */
    static final Map<String, List<String>> AUDIT_TIMES = Map.of(
            "ingest", List.of("2026-12-07T10:05:00Z", "2026-12-07T10:01:00Z"),
            "rotation", List.of("2026-12-07T10:06:00Z", "2026-12-07T10:02:00Z"),
            "incident", List.of("2026-12-07T10:03:00Z"),
            "notification", List.of("2026-12-07T10:04:00Z"));

    private static String audit(String service) {
        List<String> entries = new ArrayList<>();
        for (String at : AUDIT_TIMES.get(service)) {
            entries.add("{\"at\":\"" + at + "\",\"actor\":\"alice\",\"what\":\"" + service + ".thing-done\","
                    + "\"aggregateType\":\"thing\",\"aggregateId\":\"" + service + "-" + at.substring(14, 16) + "\","
                    + "\"team\":\"demo\",\"data\":{\"summary\":\"" + service + " at " + at.substring(11, 16) + "\"}}");
        }
        return "[" + String.join(",", entries) + "]";
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, String json) throws IOException {
        byte[] answer = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    @Override
    public void stop() {
        servers.forEach(server -> server.stop(0));
    }
}

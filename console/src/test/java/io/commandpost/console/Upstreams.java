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

    public record Received(String service, String method, String path, String authorization, String actor, String body) {
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
                        exchange.getRequestHeaders().getFirst("X-CommandPost-Actor"), body));
                // a queue as incident-service answers it: kinds in capitals, questions after alerts
                String items = exchange.getRequestURI().getPath().endsWith("/queue")
                        ? "[{\"kind\":\"ALERT\",\"id\":\"fp-1\",\"priority\":\"P1\",\"summary\":\"Disk full\","
                        + "\"openedAt\":\"2026-12-07T03:00:00Z\",\"occurrences\":2,\"acknowledged\":false},"
                        + "{\"kind\":\"QUESTION\",\"id\":\"q-1\",\"summary\":\"Where are the runbooks?\","
                        + "\"asker\":\"carol\",\"openedAt\":\"2026-12-07T02:00:00Z\"}]"
                        : "[]";
                byte[] answer = ("{\"service\":\"" + service + "\",\"bodyLength\":" + body.length() + ",\"items\":"
                        + items + "}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
            servers.add(server);
            return server.getAddress().getPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        servers.forEach(server -> server.stop(0));
    }
}

package io.commandpost.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The test's own pager: a webhook receiver that records every page notification-service sends and checks
 * its HMAC signature independently of any CommandPost code.
 */
final class PageSink implements AutoCloseable {

    record Page(JsonNode body, String eventId, long timestamp, boolean signatureValid) {
        String team() {
            return body.path("team").asText();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final String secret;
    private final List<Page> pages = new CopyOnWriteArrayList<>();

    private PageSink(HttpServer server, String secret) {
        this.server = server;
        this.secret = secret;
    }

    static PageSink start(String secret) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        PageSink sink = new PageSink(server, secret);
        server.createContext("/pages", sink::handle);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
        return sink;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/pages";
    }

    List<Page> pagesFor(String team) {
        return pages.stream().filter(page -> page.team().equals(team)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            String timestamp = exchange.getRequestHeaders().getFirst("X-CommandPost-Timestamp");
            String signature = exchange.getRequestHeaders().getFirst("X-CommandPost-Signature");
            boolean valid = timestamp != null && signature != null && MessageDigest.isEqual(
                    expectedSignature(timestamp, body).getBytes(StandardCharsets.UTF_8),
                    signature.getBytes(StandardCharsets.UTF_8));
            pages.add(new Page(JSON.readTree(body), exchange.getRequestHeaders().getFirst("X-CommandPost-Event-Id"),
                    timestamp == null ? -1 : Long.parseLong(timestamp), valid));
            exchange.sendResponseHeaders(valid ? 200 : 401, -1);
        } finally {
            exchange.close();
        }
    }

    private String expectedSignature(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

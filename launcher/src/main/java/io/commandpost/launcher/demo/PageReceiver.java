package io.commandpost.launcher.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.commandpost.launcher.http.JsonHttp;
import io.commandpost.launcher.process.Ports;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Stands in for a pager and a team chat: accepts notification-service's pages and reminders
 * ({@code /pages}) and announcements ({@code /announcements}), checks their signature and logs each
 * one, so the demo shows them arriving. A bad signature is refused with 401.
 */
public final class PageReceiver implements AutoCloseable {

    private final HttpServer server;
    private final String secret;
    private final Path logFile;
    private final Consumer<String> console;

    private PageReceiver(HttpServer server, String secret, Path logFile, Consumer<String> console) {
        this.server = server;
        this.secret = secret;
        this.logFile = logFile;
        this.console = console;
    }

    public static PageReceiver start(int preferredPort, String secret, Path logFile, Consumer<String> console) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Ports.preferredOrNextFree(preferredPort)), 16);
            PageReceiver receiver = new PageReceiver(server, secret, logFile, console);
            server.createContext("/", receiver::handle);
            server.setExecutor(Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "page-receiver");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the page receiver", e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/pages";
    }

    public String announcementsUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/announcements";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            String timestamp = exchange.getRequestHeaders().getFirst("X-CommandPost-Timestamp");
            String signature = exchange.getRequestHeaders().getFirst("X-CommandPost-Signature");
            boolean valid = WebhookSignature.verify(secret, timestamp, body, signature);
            record(describe(body, valid), body);
            exchange.sendResponseHeaders(valid ? 200 : 401, -1);
        } finally {
            exchange.close();
        }
    }

    private String describe(byte[] body, boolean valid) {
        try {
            JsonNode page = JsonHttp.mapper().readTree(body);
            String signature = valid ? "signature OK" : "BAD SIGNATURE, refused";
            if (page.has("text") && !page.has("alert")) {
                String to = page.path("recipient").path("handle").asText("");
                return String.format("%s %s%s: %s", page.path("kind").asText("ANNOUNCEMENT").toUpperCase(Locale.ROOT),
                        signature, to.isEmpty() ? "" : " -> " + to, page.path("text").asText());
            }
            JsonNode recipient = page.path("recipient");
            JsonNode alert = page.path("alert");
            return String.format("PAGE %s -> %s (%s) for team %s: [%s] %s (dedup key %s)",
                    signature,
                    recipient.path("handle").asText("?"), recipient.path("displayName").asText("?"),
                    page.path("team").asText("?"), alert.path("priority").asText("?"),
                    alert.path("summary").asText("?"), alert.path("dedupKey").asText("?"));
        } catch (IOException e) {
            return "PAGE with a body that is not JSON (" + (valid ? "signature OK" : "bad signature") + ")";
        }
    }

    private void record(String line, byte[] body) {
        console.accept(line);
        try {
            Files.createDirectories(logFile.getParent());
            Files.writeString(logFile, Instant.now() + " " + line + System.lineSeparator() + "    "
                    + new String(body, StandardCharsets.UTF_8) + System.lineSeparator(),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            console.accept("could not write " + logFile + ": " + e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

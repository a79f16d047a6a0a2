package io.commandpost.notification.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A page receiver on an ephemeral port: records every POST and answers a scripted status per team. */
public final class TestWebhookReceiver {

    private static TestWebhookReceiver instance;

    private final HttpServer server;
    private final List<ReceivedPage> received = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Integer>> scripts = new ConcurrentHashMap<>();
    private final ObjectMapper json = new ObjectMapper();

    /** One request as it arrived. */
    public record ReceivedPage(String timestamp, String signature, String eventId, byte[] body, JsonNode json) {
        public String team() {
            return json.path("team").asText();
        }
    }

    private TestWebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/pages", this::handle);
        server.start();
    }

    public static synchronized TestWebhookReceiver get() {
        if (instance == null) {
            try {
                instance = new TestWebhookReceiver();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/pages";
    }

    /** The next POSTs for this team get these statuses, in order; afterwards 200. */
    public void answer(String team, Integer... statuses) {
        scripts.put(team, new ArrayDeque<>(List.of(statuses)));
    }

    public List<ReceivedPage> pagesFor(String team) {
        return received.stream().filter(page -> page.team().equals(team)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            JsonNode parsed = json.readTree(body);
            var headers = exchange.getRequestHeaders();
            received.add(new ReceivedPage(headers.getFirst("X-CommandPost-Timestamp"),
                    headers.getFirst("X-CommandPost-Signature"), headers.getFirst("X-CommandPost-Event-Id"),
                    body, parsed));
            Deque<Integer> script = scripts.get(parsed.path("team").asText());
            Integer scripted = script == null ? null : script.pollFirst();
            exchange.sendResponseHeaders(scripted == null ? 200 : scripted, -1);
        }
    }
}

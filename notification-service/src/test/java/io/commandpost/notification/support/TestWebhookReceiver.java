package io.commandpost.notification.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A page and announcement receiver on an ephemeral port: records every POST and answers a scripted
 * status per team (pages, reminders) or per text fragment (announcements, whose Slack JSON has no team).
 */
public final class TestWebhookReceiver {

    private static TestWebhookReceiver instance;

    private final HttpServer server;
    private final List<ReceivedPage> received = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Integer>> scripts = new ConcurrentHashMap<>();
    private final List<ReceivedPage> announcements = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Integer>> announcementScripts = new ConcurrentHashMap<>();
    private final Map<String, Duration> delays = new ConcurrentHashMap<>();
    private final Map<String, Duration> announcementDelays = new ConcurrentHashMap<>();
    private final ObjectMapper json = new ObjectMapper();

    /** One request as it arrived ({@code receivedNanos}: System.nanoTime() on arrival). */
    public record ReceivedPage(String timestamp, String signature, String eventId, byte[] body, JsonNode json,
                               long receivedNanos) {
        public String team() {
            return json.path("team").asText();
        }

        public String text() {
            return json.path("text").asText();
        }
    }

    private TestWebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/pages", this::handle);
        server.createContext("/announce", this::handleAnnouncement);
        // answers concurrently, as a real receiver does: one slow answer must not hold the others
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "test-webhook-receiver");
            thread.setDaemon(true);
            return thread;
        }));
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

    public String announceUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/announce";
    }

    /** The next announcements whose text contains {@code fragment} get these statuses, in order; afterwards 200. */
    public void answerAnnouncements(String fragment, Integer... statuses) {
        announcementScripts.put(fragment, new ArrayDeque<>(List.of(statuses)));
    }

    /** Every announcement POST whose text contains the fragment (e.g. a unique team name). */
    public List<ReceivedPage> announcementsContaining(String fragment) {
        return announcements.stream().filter(a -> a.text().contains(fragment)).toList();
    }

    /** The next POSTs for this team get these statuses, in order; afterwards 200. */
    public void answer(String team, Integer... statuses) {
        scripts.put(team, new ArrayDeque<>(List.of(statuses)));
    }

    /** Every later POST for this team is answered only after this delay (zero: at once again). */
    public void delay(String team, Duration delay) {
        delays.put(team, delay);
    }

    /** Every later announcement whose text contains the fragment is answered only after this delay. */
    public void delayAnnouncements(String fragment, Duration delay) {
        announcementDelays.put(fragment, delay);
    }

    public List<ReceivedPage> pagesFor(String team) {
        return received.stream().filter(page -> page.team().equals(team)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            ReceivedPage page = read(exchange);
            received.add(page);
            pause(delays.getOrDefault(page.team(), Duration.ZERO));
            Deque<Integer> script = scripts.get(page.team());
            Integer scripted = script == null ? null : script.pollFirst();
            exchange.sendResponseHeaders(scripted == null ? 200 : scripted, -1);
        }
    }

    private void handleAnnouncement(HttpExchange exchange) throws IOException {
        try (exchange) {
            ReceivedPage announcement = read(exchange);
            announcements.add(announcement);
            announcementDelays.entrySet().stream().filter(e -> announcement.text().contains(e.getKey()))
                    .findFirst().ifPresent(e -> pause(e.getValue()));
            Integer scripted = announcementScripts.entrySet().stream()
                    .filter(e -> announcement.text().contains(e.getKey()))
                    .map(e -> e.getValue().pollFirst()).filter(java.util.Objects::nonNull).findFirst().orElse(null);
            exchange.sendResponseHeaders(scripted == null ? 200 : scripted, -1);
        }
    }

    private static void pause(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis()); // the receiver being slow is what the test is about
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ReceivedPage read(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        var headers = exchange.getRequestHeaders();
        return new ReceivedPage(headers.getFirst("X-CommandPost-Timestamp"),
                headers.getFirst("X-CommandPost-Signature"), headers.getFirst("X-CommandPost-Event-Id"),
                body, json.readTree(body), System.nanoTime());
    }
}

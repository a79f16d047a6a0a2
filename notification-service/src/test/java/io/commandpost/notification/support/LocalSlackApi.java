package io.commandpost.notification.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local Slack Web API for tests, on an ephemeral port: {@code chat.postMessage}, {@code chat.update} and
 * {@code chat.postEphemeral}, answered as Slack documents them (https://docs.slack.dev/reference/methods/):
 * HTTP 200 {@code {"ok":true,"channel":…,"ts":…,"message":{…}}}; {@code {"ok":false,"error":"channel_not_found"}}
 * or {@code "invalid_auth"} with HTTP 200; HTTP 429 with {@code Retry-After} and
 * {@code {"ok":false,"error":"ratelimited"}}. Takes form or JSON bodies and the token as {@code Authorization:
 * Bearer} or a {@code token} parameter. Posting to a user id answers with the app's DM channel ({@code D…}).
 * It knows the messages of each channel (those posted through it, and those {@link #personPosts people posted}): a
 * reply whose {@code thread_ts} is no message of that channel is refused with {@code thread_not_found}, the error
 * Slack gives for a {@code thread_ts} it does not know. Records every request and answers scripted per channel.
 */
public final class LocalSlackApi {

    private static LocalSlackApi instance;

    /** A scripted answer. */
    public enum Answer { OK, RATELIMITED, CHANNEL_NOT_FOUND, INVALID_AUTH }

    /** One request as received: the method, its parameters (JSON-valued ones parsed), the token. */
    public record Call(String method, Map<String, JsonNode> params, String token, long receivedNanos) {
        public String param(String name) {
            JsonNode value = params.get(name);
            return value == null || value.isNull() ? null : value.isTextual() ? value.asText() : value.toString();
        }

        public JsonNode json(String name) {
            return params.get(name);
        }

        public String channel() {
            return param("channel");
        }
    }

    private final HttpServer server;
    private final ObjectMapper json = new ObjectMapper();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Answer>> scripts = new ConcurrentHashMap<>();
    private final Map<String, java.util.Set<String>> messages = new ConcurrentHashMap<>();
    private final AtomicLong clock = new AtomicLong(1_700_000_000_000_100L);
    private volatile int retryAfterSeconds = 1;

    private LocalSlackApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "local-slack-api");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    public static synchronized LocalSlackApi get() {
        if (instance == null) {
            try {
                instance = new LocalSlackApi();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /** The Web API base URL (what {@code SlackConfig#setMethodsEndpointUrlPrefix} takes). */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    /** The next calls to this channel (as the caller names it: a channel or user id) get these answers; then OK. */
    public void script(String channel, Answer... answers) {
        scripts.put(channel, new ArrayDeque<>(List.of(answers)));
    }

    /** The {@code Retry-After} of a scripted RATELIMITED answer. */
    public void retryAfterSeconds(int seconds) {
        retryAfterSeconds = seconds;
    }

    /** A message a person wrote in {@code channel} (not through the API): its ts, which replies may thread to. */
    public String personPosts(String channel) {
        String ts = nextTs();
        messages.computeIfAbsent(channel, c -> ConcurrentHashMap.newKeySet()).add(ts);
        return ts;
    }

    /** True when {@code ts} is a message of {@code channel} (posted through this API, or by a person). */
    public boolean hasMessage(String channel, String ts) {
        return channel != null && messages.getOrDefault(channel, java.util.Set.of()).contains(ts);
    }

    public List<Call> calls(String method, String channel) {
        return calls.stream().filter(c -> c.method().equals(method) && channel != null && channel.equals(c.channel())).toList();
    }

    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestURI().getPath().substring("/api/".length());
            byte[] body = exchange.getRequestBody().readAllBytes();
            String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
            Map<String, JsonNode> params = contentType.startsWith("application/json")
                    ? jsonParams(body) : formParams(body);
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            String token = authorization != null && authorization.startsWith("Bearer ")
                    ? authorization.substring(7) : params.containsKey("token") ? params.get("token").asText() : null;
            Call call = new Call(method, params, token, System.nanoTime());
            calls.add(call);
            if (token == null || !token.startsWith("xoxb-")) {
                answer(exchange, 200, Map.of("ok", false, "error", "not_authed"));
                return;
            }
            Deque<Answer> script = call.channel() == null ? null : scripts.get(call.channel());
            Answer scripted = script == null ? null : script.pollFirst();
            switch (scripted == null ? Answer.OK : scripted) {
                case RATELIMITED -> {
                    exchange.getResponseHeaders().add("Retry-After", Integer.toString(retryAfterSeconds));
                    answer(exchange, 429, Map.of("ok", false, "error", "ratelimited"));
                }
                case CHANNEL_NOT_FOUND -> answer(exchange, 200, Map.of("ok", false, "error", "channel_not_found"));
                case INVALID_AUTH -> answer(exchange, 200, Map.of("ok", false, "error", "invalid_auth"));
                case OK -> answer(exchange, 200, ok(method, call));
            }
        }
    }

    private Map<String, Object> ok(String method, Call call) {
        String channel = call.channel();
        String dm = channel != null && channel.startsWith("U") ? "D" + channel.substring(1) : channel;
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("ok", true);
        switch (method) {
            case "chat.postMessage" -> {
                String thread = call.param("thread_ts");
                if (thread != null && !thread.isEmpty() && !hasMessage(dm, thread)) {
                    answer.put("ok", false);
                    answer.put("error", "thread_not_found");
                    return answer;
                }
                String ts = nextTs();
                if (dm != null) {
                    messages.computeIfAbsent(dm, c -> ConcurrentHashMap.newKeySet()).add(ts);
                }
                answer.put("channel", dm);
                answer.put("ts", ts);
                answer.put("message", Map.of("type", "message", "text", String.valueOf(call.param("text")),
                        "bot_id", "B0LOCAL", "ts", ts));
            }
            case "chat.update" -> {
                answer.put("channel", channel);
                answer.put("ts", call.param("ts"));
                answer.put("text", String.valueOf(call.param("text")));
            }
            case "chat.postEphemeral" -> answer.put("message_ts", nextTs());
            default -> {
                answer.put("ok", false);
                answer.put("error", "unknown_method");
            }
        }
        return answer;
    }

    private String nextTs() {
        long micros = clock.incrementAndGet();
        return (micros / 1_000_000) + "." + String.format("%06d", micros % 1_000_000);
    }

    private void answer(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private Map<String, JsonNode> jsonParams(byte[] body) throws IOException {
        Map<String, JsonNode> params = new LinkedHashMap<>();
        json.readTree(body).fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue()));
        return params;
    }

    /** Form fields; values that are JSON (blocks, attachments) are parsed, the others kept as text. */
    private Map<String, JsonNode> formParams(byte[] body) {
        Map<String, JsonNode> params = new LinkedHashMap<>();
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            JsonNode node = json.getNodeFactory().textNode(value);
            if (value.startsWith("[") || value.startsWith("{")) {
                try {
                    node = json.readTree(value);
                } catch (IOException e) {
                    // not JSON after all: keep the text
                }
            }
            params.put(name, node);
        }
        return params;
    }

    /** For assertions on a message's blocks: every button's action id. */
    public static List<String> actionIds(JsonNode blocks) {
        List<String> ids = new java.util.ArrayList<>();
        if (blocks != null) {
            blocks.forEach(block -> block.path("elements").forEach(element -> {
                if (element.has("action_id")) {
                    ids.add(element.path("action_id").asText());
                }
            }));
        }
        return ids;
    }

}

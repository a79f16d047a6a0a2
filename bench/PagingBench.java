import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * End-to-end paging benchmark: alert POST -> page received. One process sends alerts at a fixed rate
 * (open loop: a slow answer does not slow the sender down; latency counts from when each alert was due) and is also the page receiver, so both ends
 * of each measurement use the same monotonic clock. Every alert is new (its own labels, fingerprint and
 * summary "pagebench-RUN-N"); the receiver finds that marker in whatever arrives and records the first
 * arrival of each (later copies count as duplicates). Two targets with the same alerts:
 *   cp — CommandPost's Alertmanager webhook (POST /v1/webhooks/alertmanager), pages sent by
 *        notification-service to this receiver's /pages;
 *   am — Prometheus Alertmanager's POST /api/v2/alerts, routed (group_by ['...'], group_wait 0s) to a
 *        webhook receiver pointing at this receiver's /am.
 *
 * java bench/PagingBench.java TARGET URL TOKEN RATE SECONDS RECEIVER_PORT [DRAIN_SECONDS] [LABEL]
 * Prints one Markdown row: label, target, alerts/s asked, sent, intake non-2xx, paged, missing, duplicates,
 * page latency p50 / p90 / p99 / max ms, p99 of the first and the last 10 s of sending, and how many alerts
 * were still unpaged when sending stopped (the backlog).
 */
public class PagingBench {

    private static final Pattern MARKER = Pattern.compile("pagebench-(\\d+)-(\\d+)");

    private final long run = System.currentTimeMillis() % 1_000_000_000L;
    private final Map<Long, Long> sentAt = new ConcurrentHashMap<>();
    private final Map<Long, Long> pagedAt = new ConcurrentHashMap<>();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong intakeFailures = new AtomicLong();
    private final Map<String, AtomicLong> failureKinds = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        String target = args[0];
        URI uri = URI.create(args[1]);
        String token = args[2];
        double rate = Double.parseDouble(args[3]);
        int seconds = Integer.parseInt(args[4]);
        int receiverPort = Integer.parseInt(args[5]);
        int drainSeconds = args.length > 6 ? Integer.parseInt(args[6]) : 30;
        String label = args.length > 7 ? args[7] : "";
        new PagingBench().measure(target, uri, token, rate, seconds, receiverPort, drainSeconds, label);
    }

    void measure(String target, URI uri, String token, double rate, int seconds, int receiverPort, int drainSeconds,
                 String label) throws Exception {
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", receiverPort), 512);
        ExecutorService receiverThreads = Executors.newFixedThreadPool(64);
        receiver.setExecutor(receiverThreads);
        receiver.createContext("/", this::receive);
        receiver.start();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        try {
            long total = Math.round(rate * seconds);
            long periodNanos = Math.round(1e9 / rate);
            long start = System.nanoTime();
            for (long n = 0; n < total; n++) {
                long due = start + n * periodNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                send(client, target, uri, token, n, due);
            }
            long stoppedSending = System.nanoTime();
            long backlog = total - pagedAt.size();
            long deadline = stoppedSending + TimeUnit.SECONDS.toNanos(drainSeconds);
            while (pagedAt.size() < total && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            Thread.sleep(500); // late duplicates
            report(label, target, rate, total, backlog, start, periodNanos, seconds);
        } finally {
            receiver.stop(0);
            receiverThreads.shutdownNow();
        }
    }

    /**
     * At most this many requests in flight, on as many kept-alive connections: an unbounded open loop opens
     * a connection per request in flight and runs the machine out of ephemeral ports at 500/s. A request
     * that waits for a free connection counts its wait: latency is measured from when it was due.
     */
    private final Semaphore inFlight = new Semaphore(64);

    private void send(HttpClient client, String target, URI uri, String token, long n, long due) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(target, n)));
        if (!token.isEmpty() && !token.equals("-")) {
            request.header("Authorization", "Bearer " + token);
        }
        sentAt.put(n, due);
        inFlight.acquireUninterruptibly();
        client.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            inFlight.release();
            if (error != null || response.statusCode() / 100 != 2) {
                intakeFailures.incrementAndGet();
                String kind = error != null ? rootCause(error).getClass().getSimpleName() : "HTTP " + response.statusCode();
                failureKinds.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
            }
        });
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            long now = System.nanoTime();
            Matcher matcher = MARKER.matcher(body);
            Set<Long> alerts = new HashSet<>(); // a body may name its alert several times (labels, summary)
            while (matcher.find()) {
                if (Long.parseLong(matcher.group(1)) == run) { // else a page of an earlier run, still going out
                    alerts.add(Long.parseLong(matcher.group(2)));
                }
            }
            for (long n : alerts) {
                if (pagedAt.putIfAbsent(n, now) != null) {
                    duplicates.incrementAndGet();
                }
            }
            exchange.sendResponseHeaders(200, -1);
        } finally {
            exchange.close();
        }
    }

    private void report(String label, String target, double rate, long total, long backlog, long start,
                        long periodNanos, int seconds) {
        List<Long> all = new ArrayList<>();
        List<Long> first = new ArrayList<>();
        List<Long> last = new ArrayList<>();
        long tenSeconds = Math.round(10e9 / periodNanos);
        for (Map.Entry<Long, Long> paged : pagedAt.entrySet()) {
            Long sent = sentAt.get(paged.getKey());
            if (sent == null) {
                continue;
            }
            long micros = (paged.getValue() - sent) / 1000;
            all.add(micros);
            if (paged.getKey() < tenSeconds) {
                first.add(micros);
            } else if (paged.getKey() >= total - tenSeconds) {
                last.add(micros);
            }
        }
        long[] sorted = sorted(all);
        System.out.printf("| %s | %s | %.0f × %d s | %d | %d | %d | %d | %d | %s / %s / %s / %s | %s | %s | %d |%n",
                label, target, rate, seconds, total, intakeFailures.get(), pagedAt.size(), total - pagedAt.size(),
                duplicates.get(), ms(percentile(sorted, 0.50)), ms(percentile(sorted, 0.90)),
                ms(percentile(sorted, 0.99)), ms(sorted.length == 0 ? 0 : sorted[sorted.length - 1]),
                ms(percentile(sorted(first), 0.99)), ms(percentile(sorted(last), 0.99)), backlog);
        if (!failureKinds.isEmpty()) {
            System.err.println("intake failures: " + failureKinds);
        }
    }

    private static Throwable rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static long[] sorted(List<Long> values) {
        long[] array = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(array);
        return array;
    }

    private static String ms(long micros) {
        return String.format("%.1f", micros / 1000.0);
    }

    private String body(String target, long n) {
        String now = Instant.now().toString();
        String marker = "pagebench-" + run + "-" + n;
        String labels = "{\"alertname\":\"PageBench\",\"instance\":\"" + marker + "\",\"job\":\"node\","
                + "\"severity\":\"critical\"}";
        String annotations = "{\"summary\":\"" + marker + "\",\"description\":\"synthetic load\"}";
        if (target.equals("am")) {
            return "[{\"labels\":" + labels + ",\"annotations\":" + annotations + ",\"startsAt\":\"" + now
                    + "\",\"generatorURL\":\"http://prom/graph\"}]";
        }
        return "{\"version\":\"4\",\"groupKey\":\"{}:{instance=\\\"" + marker + "\\\"}\",\"truncatedAlerts\":0,"
                + "\"status\":\"firing\",\"receiver\":\"commandpost\",\"groupLabels\":{\"instance\":\"" + marker + "\"},"
                + "\"commonLabels\":" + labels + ",\"commonAnnotations\":" + annotations + ","
                + "\"externalURL\":\"http://alertmanager:9093\",\"alerts\":[{\"status\":\"firing\",\"labels\":" + labels
                + ",\"annotations\":" + annotations + ",\"startsAt\":\"" + now
                + "\",\"endsAt\":\"0001-01-01T00:00:00Z\",\"generatorURL\":\"http://prom/graph\",\"fingerprint\":\""
                + Long.toHexString(run * 10_000_000L + n) + "\"}]}";
    }

    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}

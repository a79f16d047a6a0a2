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
import java.nio.file.Files;
import java.nio.file.Path;
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
    /** When the intake answered each alert (nanoTime), and what the first page of each said of itself. */
    private final Map<Long, Long> answeredAt = new ConcurrentHashMap<>();
    private final Map<Long, String[]> pageIds = new ConcurrentHashMap<>();
    /** Wall clock (µs since the epoch) at {@link #baseNanos}: maps nanoTime stamps to the services' instants. */
    private final long baseWallMicros;
    private final long baseNanos;
    private static final Pattern NOTIFICATION_ID = Pattern.compile("\"notificationId\":\"([0-9a-f-]{36})\"");
    private static final Pattern SENT_AT = Pattern.compile("\"sentAt\":\"([^\"]+)\"");

    PagingBench() {
        Instant wall = Instant.now();
        baseNanos = System.nanoTime();
        baseWallMicros = wall.getEpochSecond() * 1_000_000L + wall.getNano() / 1_000;
    }

    private long wallMicros(long nanos) {
        return baseWallMicros + (nanos - baseNanos) / 1_000;
    }
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong intakeFailures = new AtomicLong();
    private final Map<String, AtomicLong> failureKinds = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        if (args[0].equals("stages")) {
            Stages.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
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
            if (!"0".equals(System.getenv("PAGEBENCH_SELF_WARM"))) {
                selfWarm(client, receiverPort);
            }
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
            String stamps = System.getenv("PAGEBENCH_STAMPS");
            if (stamps != null && !stamps.isBlank()) {
                writeStamps(Path.of(stamps), total, periodNanos);
            }
        } finally {
            receiver.stop(0);
            receiverThreads.shutdownNow();
        }
    }

    /**
     * Warms this JVM's own sending and receiving code (3 s of POSTs to its own receiver, no alert in them) before
     * the measured phase: a fresh JVM's JIT compiling its HTTP client and server competes with the system under test
     * for the two cores and delays the first seconds of sending. {@code PAGEBENCH_SELF_WARM=0} skips it.
     */
    private void selfWarm(HttpClient client, int receiverPort) throws Exception {
        URI self = URI.create("http://127.0.0.1:" + receiverPort + "/self-warm-up");
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        List<java.util.concurrent.CompletableFuture<?>> pending = new ArrayList<>();
        while (System.nanoTime() < end) {
            pending.add(client.sendAsync(HttpRequest.newBuilder(self).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body("cp", -1))).build(),
                    HttpResponse.BodyHandlers.discarding()));
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        for (java.util.concurrent.CompletableFuture<?> request : pending) {
            request.exceptionally(error -> null).join();
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
            if (error == null) {
                answeredAt.put(n, System.nanoTime());
            }
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
                } else {
                    Matcher id = NOTIFICATION_ID.matcher(body);
                    Matcher sent = SENT_AT.matcher(body);
                    pageIds.put(n, new String[] {id.find() ? id.group(1) : "-", sent.find() ? sent.group(1) : "-"});
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

    /**
     * One line per alert sent: n, due, intake answered, page received (µs since the epoch, 0 = never), the page's
     * notificationId and sentAt; read by {@link Stages} together with the service's record of each page.
     */
    private void writeStamps(Path file, long total, long periodNanos) throws IOException {
        StringBuilder out = new StringBuilder();
        for (long n = 0; n < total; n++) {
            Long due = sentAt.get(n);
            if (due == null) {
                continue;
            }
            Long answered = answeredAt.get(n);
            Long paged = pagedAt.get(n);
            String[] page = pageIds.getOrDefault(n, new String[] {"-", "-"});
            out.append(n).append(' ').append(wallMicros(due)).append(' ')
                    .append(answered == null ? 0 : wallMicros(answered)).append(' ')
                    .append(paged == null ? 0 : wallMicros(paged)).append(' ')
                    .append(page[0]).append(' ').append(page[1]).append('\n');
        }
        Files.writeString(file, out);
    }

    /**
     * {@code java bench/PagingBench.java stages STAMPS NOTIFICATION_URL API_KEY [EVERY=1]}: where the milliseconds of
     * each page went, per stage, from the stamps file and each page's record in notification-service
     * ({@code GET /v1/notifications/{id}}: createdAt = when the paging transaction decided it, completedAt = when
     * its delivery was recorded). Prints a Markdown table (all pages, the first and the last 10 s of sending).
     */
    static final class Stages {
        static void main(String[] args) throws Exception {
            List<String> lines = Files.readAllLines(Path.of(args[0]));
            String base = args[1];
            String key = args[2];
            int every = args.length > 3 ? Integer.parseInt(args[3]) : 1;
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            Pattern created = Pattern.compile("\"createdAt\":\"([^\"]+)\"");
            Pattern completed = Pattern.compile("\"completedAt\":\"([^\"]+)\"");
            String[] names = {"due → intake answered (202 after the broker's ack)",
                "intake answered → page decided (Kafka, paging consumer, decision up to the page row)",
                "page decided → POST started (rest of the decision, commit, lane wakes, claim)",
                "POST started → page received", "page received → delivery recorded",
                "**due → page received**"};
            int stageCount = names.length;
            List<List<Long>> all = new ArrayList<>();
            List<List<Long>> first = new ArrayList<>();
            List<List<Long>> last = new ArrayList<>();
            for (int i = 0; i < stageCount; i++) {
                all.add(new ArrayList<>());
                first.add(new ArrayList<>());
                last.add(new ArrayList<>());
            }
            long total = lines.size();
            long firstMicros = Long.MAX_VALUE;
            long lastMicros = Long.MIN_VALUE;
            for (String line : lines) {
                long due = Long.parseLong(line.split(" ")[1]);
                firstMicros = Math.min(firstMicros, due);
                lastMicros = Math.max(lastMicros, due);
            }
            int read = 0;
            for (int index = 0; index < lines.size(); index += every) {
                String[] f = lines.get(index).split(" ");
                long due = Long.parseLong(f[1]);
                long answered = Long.parseLong(f[2]);
                long received = Long.parseLong(f[3]);
                if (received == 0 || answered == 0 || f[4].equals("-") || f[5].equals("-")) {
                    continue;
                }
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base
                        + "/v1/notifications/" + f[4])).header("Authorization", "Bearer " + key).build(),
                        HttpResponse.BodyHandlers.ofString());
                Matcher c = created.matcher(response.body());
                Matcher d = completed.matcher(response.body());
                if (response.statusCode() != 200 || !c.find()) {
                    continue;
                }
                read++;
                long decided = micros(Instant.parse(c.group(1)));
                long postStarted = micros(Instant.parse(f[5]));
                long recorded = d.find() ? micros(Instant.parse(d.group(1))) : received;
                long[] stage = {answered - due, decided - answered, postStarted - decided, received - postStarted,
                    recorded - received, received - due};
                boolean inFirst = due < firstMicros + 10_000_000L;
                boolean inLast = due >= lastMicros - 10_000_000L;
                for (int i = 0; i < stageCount; i++) {
                    all.get(i).add(stage[i]);
                    if (inFirst) {
                        first.get(i).add(stage[i]);
                    } else if (inLast) {
                        last.get(i).add(stage[i]);
                    }
                }
            }
            System.out.printf("Stages of %d pages (every %d of %d alerts; ms; first/last = alerts due in the first/last"
                    + " 10 s):%n%n", read, every, total);
            System.out.println("| stage | p50 | p90 | p99 | max | p50 first 10 s | p99 first 10 s | p50 last 10 s | p99 last 10 s |");
            System.out.println("|---|---|---|---|---|---|---|---|---|");
            for (int i = 0; i < stageCount; i++) {
                long[] a = sorted(all.get(i));
                long[] b = sorted(first.get(i));
                long[] z = sorted(last.get(i));
                System.out.printf("| %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", names[i],
                        ms(percentile(a, 0.5)), ms(percentile(a, 0.9)), ms(percentile(a, 0.99)),
                        ms(a.length == 0 ? 0 : a[a.length - 1]), ms(percentile(b, 0.5)), ms(percentile(b, 0.99)),
                        ms(percentile(z, 0.5)), ms(percentile(z, 0.99)));
            }
            System.out.println();
            System.out.println("Due → page received per second of sending (ms): second: count p50 p99 max");
            Map<Long, List<Long>> perSecond = new java.util.TreeMap<>();
            for (String line : lines) {
                String[] f = line.split(" ");
                long due = Long.parseLong(f[1]);
                long received = Long.parseLong(f[3]);
                if (received != 0) {
                    perSecond.computeIfAbsent((due - firstMicros) / 1_000_000L, s -> new ArrayList<>())
                            .add(received - due);
                }
            }
            StringBuilder timeline = new StringBuilder();
            perSecond.forEach((second, values) -> {
                long[] v = sorted(values);
                timeline.append(String.format("%d: %d %s %s %s; ", second, v.length, ms(percentile(v, 0.5)),
                        ms(percentile(v, 0.99)), ms(v[v.length - 1])));
            });
            System.out.println(timeline);
        }

        private static long micros(Instant instant) {
            return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
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

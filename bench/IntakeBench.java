import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop intake benchmark: C workers each send requests of N alerts back to back for a fixed
 * duration (after a warm-up) and record every request's latency. Two targets with the same alerts:
 *   cp — CommandPost's Alertmanager webhook (POST /v1/webhooks/alertmanager, webhook v4 body)
 *   am — Prometheus Alertmanager's own API (POST /api/v2/alerts, array of postable alerts)
 * Every alert is distinct (its own labels), so neither side can shortcut by deduplication.
 *
 * java bench/IntakeBench.java TARGET URL TOKEN ALERTS_PER_REQUEST CONCURRENCY SECONDS
 * Prints one Markdown table row: target, N, C, requests, alerts/s, p50 ms, p99 ms, non-2xx.
 */
public class IntakeBench {

    public static void main(String[] args) throws Exception {
        String target = args[0];
        URI uri = URI.create(args[1]);
        String token = args[2];
        int perRequest = Integer.parseInt(args[3]);
        int concurrency = Integer.parseInt(args[4]);
        Duration duration = Duration.ofSeconds(Long.parseLong(args[5]));
        // HTTP/1.1 for both targets: Alertmanager speaks nothing else, and h2c would multiplex every worker
        // over one connection
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        AtomicLong sequence = new AtomicLong();

        run(client, target, uri, token, perRequest, concurrency, Duration.ofSeconds(3), sequence); // warm-up
        long started = System.nanoTime();
        Result result = run(client, target, uri, token, perRequest, concurrency, duration, sequence);
        double seconds = (System.nanoTime() - started) / 1e9;

        long[] latencies = result.latenciesMicros;
        Arrays.sort(latencies);
        System.out.printf("| %s | %d | %d | %d | %.0f | %.1f | %.1f | %d |%n", target, perRequest, concurrency,
                latencies.length, result.okRequests * perRequest / seconds, percentile(latencies, 0.50) / 1000.0,
                percentile(latencies, 0.99) / 1000.0, result.failures);
    }

    record Result(long[] latenciesMicros, long okRequests, long failures) {
    }

    static Result run(HttpClient client, String target, URI uri, String token, int perRequest, int concurrency,
                      Duration duration, AtomicLong sequence) throws Exception {
        long deadline = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<long[]>> workers = new ArrayList<>();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        for (int w = 0; w < concurrency; w++) {
            workers.add(pool.submit(() -> {
                long[] samples = new long[1024];
                int count = 0;
                while (System.nanoTime() < deadline) {
                    String body = body(target, perRequest, sequence.getAndAdd(perRequest));
                    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body));
                    if (!token.isEmpty() && !token.equals("-")) {
                        request.header("Authorization", "Bearer " + token);
                    }
                    long t0 = System.nanoTime();
                    int status;
                    try {
                        status = client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (java.io.IOException e) {
                        status = -1;
                    }
                    long micros = (System.nanoTime() - t0) / 1000;
                    if (count == samples.length) {
                        samples = Arrays.copyOf(samples, count * 2);
                    }
                    samples[count++] = micros;
                    (status / 100 == 2 ? ok : failed).incrementAndGet();
                }
                return Arrays.copyOf(samples, count);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> worker : workers) {
            all.add(worker.get());
        }
        pool.shutdown();
        long[] merged = all.stream().flatMapToLong(Arrays::stream).toArray();
        return new Result(merged, ok.get(), failed.get());
    }

    static String body(String target, int count, long first) {
        String now = Instant.now().toString();
        StringBuilder alerts = new StringBuilder();
        for (int i = 0; i < count; i++) {
            long n = first + i;
            if (i > 0) {
                alerts.append(',');
            }
            String labels = "{\"alertname\":\"BenchAlert\",\"instance\":\"host-" + n
                    + ":9100\",\"job\":\"node\",\"severity\":\"warning\"}";
            String annotations = "{\"summary\":\"bench alert " + n + "\",\"description\":\"synthetic load\"}";
            if (target.equals("am")) {
                alerts.append("{\"labels\":").append(labels).append(",\"annotations\":").append(annotations)
                        .append(",\"startsAt\":\"").append(now).append("\",\"generatorURL\":\"http://prom/graph\"}");
            } else {
                alerts.append("{\"status\":\"firing\",\"labels\":").append(labels).append(",\"annotations\":")
                        .append(annotations).append(",\"startsAt\":\"").append(now)
                        .append("\",\"endsAt\":\"0001-01-01T00:00:00Z\",\"generatorURL\":\"http://prom/graph\"")
                        .append(",\"fingerprint\":\"").append(Long.toHexString(0x5eed0000000L + n)).append("\"}");
            }
        }
        if (target.equals("am")) {
            return "[" + alerts + "]";
        }
        return "{\"version\":\"4\",\"groupKey\":\"{}:{alertname=\\\"BenchAlert\\\"}\",\"truncatedAlerts\":0,"
                + "\"status\":\"firing\",\"receiver\":\"commandpost\",\"groupLabels\":{\"alertname\":\"BenchAlert\"},"
                + "\"commonLabels\":{\"alertname\":\"BenchAlert\"},\"commonAnnotations\":{},"
                + "\"externalURL\":\"http://alertmanager:9093\",\"alerts\":[" + alerts + "]}";
    }

    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

}

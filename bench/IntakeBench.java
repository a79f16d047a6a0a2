import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The intake load generator (issue 17), one tool for both intake measurements: S senders, each on its own kept-alive
 * raw socket (no HTTP client library, so the generator takes as little of the two cores as it can), send requests
 * of N alerts back to back (closed loop) for a warm-up, then for the measured seconds. Two targets, same alerts:
 *   cp — CommandPost's Alertmanager webhook (POST /v1/webhooks/alertmanager, webhook v4 body, 202 after acks=all)
 *   am — Prometheus Alertmanager's POST /api/v2/alerts (array of postable alerts)
 * Every alert is distinct (its own labels and fingerprint), so neither side can shortcut by deduplication.
 *
 * Two modes:
 *   java bench/IntakeBench.java rate TARGET URL TOKEN ALERTS_PER_REQUEST SENDERS SECONDS [WARMUP_SECONDS=3]
 *     one Markdown row: target, N, S, requests, alerts/s, p50 ms, p99 ms, non-2xx.
 *   java bench/IntakeBench.java cpu TARGET URL TOKEN ALERTS_PER_REQUEST SENDERS SECONDS WARMUP_SECONDS name=pid[,…]
 *     also reads the CPU time (user + system, all threads) of the named processes from /proc/PID/stat before and
 *     after the measured part; one Markdown row: target, N, S, alerts accepted, alerts/s, CPU ms per process,
 *     µs CPU per alert (sum), p50 and p99 ms, non-2xx. With THREADS=1 in the environment it also prints, to stderr,
 *     the busiest threads of each process over the measured part (from /proc/PID/task).
 */
public class IntakeBench {

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        if (!mode.equals("rate") && !mode.equals("cpu")) {
            throw new IllegalArgumentException("mode is rate or cpu, not " + mode);
        }
        String target = args[1];
        URI uri = URI.create(args[2]);
        String token = args[3];
        int perRequest = Integer.parseInt(args[4]);
        int senders = Integer.parseInt(args[5]);
        long seconds = Long.parseLong(args[6]);
        long warmup = args.length > 7 ? Long.parseLong(args[7]) : 3;
        Map<String, Long> pids = new LinkedHashMap<>();
        if (mode.equals("cpu")) {
            for (String named : args[8].split(",")) {
                String[] pair = named.split("=");
                pids.put(pair[0], Long.parseLong(pair[1]));
            }
        }
        boolean threads = mode.equals("cpu") && "1".equals(System.getenv("THREADS"));
        AtomicLong sequence = new AtomicLong(System.currentTimeMillis() * 1000);

        List<Sender> all = new ArrayList<>();
        for (int i = 0; i < senders; i++) {
            all.add(new Sender(target, uri, token, perRequest, sequence));
        }
        long warmupEnd = System.nanoTime() + warmup * 1_000_000_000L;
        long measureEnd = warmupEnd + seconds * 1_000_000_000L;
        List<Thread> running = new ArrayList<>();
        for (Sender sender : all) {
            Thread thread = new Thread(() -> sender.run(warmupEnd, measureEnd));
            thread.start();
            running.add(thread);
        }
        sleepUntil(warmupEnd);
        Map<String, Long> cpuBefore = cpuTicks(pids);
        Map<String, Map<String, Long>> threadsBefore = threads ? threadTicks(pids) : Map.of();
        long started = System.nanoTime();
        sleepUntil(measureEnd);
        Map<String, Long> cpuAfter = cpuTicks(pids);
        Map<String, Map<String, Long>> threadsAfter = threads ? threadTicks(pids) : Map.of();
        double elapsed = (System.nanoTime() - started) / 1e9;
        for (Thread thread : running) {
            thread.join(60_000);
        }

        long okRequests = 0;
        long failures = 0;
        List<long[]> latencies = new ArrayList<>();
        for (Sender sender : all) {
            okRequests += sender.ok;
            failures += sender.failed;
            latencies.add(Arrays.copyOf(sender.latenciesMicros, sender.count));
        }
        long accepted = okRequests * perRequest;
        long[] merged = latencies.stream().flatMapToLong(Arrays::stream).toArray();
        Arrays.sort(merged);
        if (mode.equals("rate")) {
            System.out.printf("| %s | %d | %d | %d | %.0f | %.1f | %.1f | %d |%n", target, perRequest, senders,
                    merged.length, accepted / elapsed, percentile(merged, 0.50) / 1000.0,
                    percentile(merged, 0.99) / 1000.0, failures);
            return;
        }
        StringBuilder cpu = new StringBuilder();
        double totalMillis = 0;
        for (String name : pids.keySet()) {
            double millis = ticksToMillis(cpuAfter.get(name) - cpuBefore.get(name));
            totalMillis += millis;
            cpu.append(cpu.length() == 0 ? "" : " + ").append(name).append(' ').append(String.format("%.0f", millis));
        }
        System.out.printf("| %s | %d | %d | %d | %.0f | %s | **%.0f** | %.2f | %.2f | %d |%n", target, perRequest,
                senders, accepted, accepted / elapsed, cpu, accepted == 0 ? 0 : totalMillis * 1000 / accepted,
                percentile(merged, 0.50) / 1000.0, percentile(merged, 0.99) / 1000.0, failures);
        if (threads) {
            System.err.printf("[threads] %s, %d alert(s) per request from %d sender(s), %d accepted:%n", target,
                    perRequest, senders, accepted);
            printThreads(threadsBefore, threadsAfter, accepted);
        }
    }

    /** One kept-alive connection sending requests back to back; counts only what the measured part sent. */
    static final class Sender {
        final String target;
        final URI uri;
        final String token;
        final int perRequest;
        final AtomicLong sequence;
        long[] latenciesMicros = new long[4096];
        int count;
        long ok;
        long failed;

        Sender(String target, URI uri, String token, int perRequest, AtomicLong sequence) {
            this.target = target;
            this.uri = uri;
            this.token = token;
            this.perRequest = perRequest;
            this.sequence = sequence;
        }

        void run(long measureFrom, long measureUntil) {
            Socket socket = null;
            InputStream in = null;
            try {
                while (System.nanoTime() < measureUntil) {
                    if (socket == null) {
                        socket = new Socket(uri.getHost(), uri.getPort());
                        socket.setTcpNoDelay(true);
                        socket.setSoTimeout(30_000);
                        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
                    }
                    byte[] request = request(body(target, perRequest, sequence.getAndAdd(perRequest)));
                    long t0 = System.nanoTime();
                    int status;
                    boolean close;
                    try {
                        OutputStream out = socket.getOutputStream();
                        out.write(request);
                        out.flush();
                        Response response = Response.read(in);
                        status = response.status;
                        close = response.close;
                    } catch (IOException e) {
                        status = -1;
                        close = true;
                    }
                    long t1 = System.nanoTime();
                    if (t0 >= measureFrom && t1 <= measureUntil) {
                        if (count == latenciesMicros.length) {
                            latenciesMicros = Arrays.copyOf(latenciesMicros, count * 2);
                        }
                        latenciesMicros[count++] = (t1 - t0) / 1000;
                        if (status / 100 == 2) {
                            ok++;
                        } else {
                            failed++;
                        }
                    }
                    if (close) {
                        socket.close();
                        socket = null;
                    }
                }
            } catch (IOException e) {
                failed++;
            } finally {
                if (socket != null) {
                    try {
                        socket.close();
                    } catch (IOException ignored) {
                        // done anyway
                    }
                }
            }
        }

        private byte[] request(String body) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder().append("POST ").append(uri.getRawPath()).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n")
                    .append("Content-Type: application/json\r\nContent-Length: ").append(bytes.length).append("\r\n");
            if (!token.isEmpty() && !token.equals("-")) {
                head.append("Authorization: Bearer ").append(token).append("\r\n");
            }
            byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
            byte[] all = Arrays.copyOf(headBytes, headBytes.length + bytes.length);
            System.arraycopy(bytes, 0, all, headBytes.length, bytes.length);
            return all;
        }
    }

    /** Just enough HTTP/1.1 to read one answer off a kept-alive connection: status, length or chunks, close. */
    record Response(int status, boolean close) {
        static Response read(InputStream in) throws IOException {
            String statusLine = line(in);
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header; !(header = line(in)).isEmpty(); ) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).trim();
                String value = header.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                    chunked = true;
                } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                    close = true;
                }
            }
            if (chunked) {
                for (long size; (size = Long.parseLong(line(in).split(";")[0].trim(), 16)) > 0; ) {
                    skip(in, size);
                    line(in);
                }
                while (!line(in).isEmpty()) {
                    // trailers
                }
            } else if (length > 0) {
                skip(in, length);
            }
            return new Response(status, close);
        }

        private static String line(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b; (b = in.read()) != '\n'; ) {
                if (b < 0) {
                    throw new IOException("connection closed");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        private static void skip(InputStream in, long n) throws IOException {
            for (long left = n; left > 0; ) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new IOException("connection closed");
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
        }
    }

    static double ticksToMillis(long ticks) {
        return ticks * 1000.0 / 100; // USER_HZ on Linux
    }

    static Map<String, Long> cpuTicks(Map<String, Long> pids) throws IOException {
        Map<String, Long> ticks = new LinkedHashMap<>();
        for (Map.Entry<String, Long> pid : pids.entrySet()) {
            ticks.put(pid.getKey(), ticksOf(Path.of("/proc", pid.getValue().toString(), "stat")));
        }
        return ticks;
    }

    /** utime + stime of a /proc stat file (fields 14 and 15; counted after the command name "(…)"). */
    static long ticksOf(Path stat) throws IOException {
        String text = Files.readString(stat);
        String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** Per process, "thread name (tid)" → CPU ticks of every live thread. */
    static Map<String, Map<String, Long>> threadTicks(Map<String, Long> pids) throws IOException {
        Map<String, Map<String, Long>> all = new LinkedHashMap<>();
        for (Map.Entry<String, Long> pid : pids.entrySet()) {
            Map<String, Long> ticks = new LinkedHashMap<>();
            try (var tasks = Files.list(Path.of("/proc", pid.getValue().toString(), "task"))) {
                for (Path task : tasks.toList()) {
                    try {
                        String name = Files.readString(task.resolve("comm")).trim();
                        ticks.put(name + " (" + task.getFileName() + ")", ticksOf(task.resolve("stat")));
                    } catch (IOException gone) {
                        // the thread ended meanwhile
                    }
                }
            }
            all.put(pid.getKey(), ticks);
        }
        return all;
    }

    static void printThreads(Map<String, Map<String, Long>> before, Map<String, Map<String, Long>> after,
                             long accepted) {
        for (String process : after.keySet()) {
            Map<String, Long> start = before.getOrDefault(process, Map.of());
            record Busy(String thread, long ticks) {
            }
            List<Busy> busy = new ArrayList<>();
            after.get(process).forEach((thread, ticks) -> busy.add(new Busy(thread, ticks - start.getOrDefault(thread, 0L))));
            busy.sort((a, b) -> Long.compare(b.ticks(), a.ticks()));
            System.err.println("[threads] " + process + ":");
            for (Busy thread : busy.subList(0, Math.min(12, busy.size()))) {
                if (thread.ticks() > 0) {
                    System.err.printf("[threads]   %-40s %6.0f ms  %6.1f µs/alert%n", thread.thread(),
                            ticksToMillis(thread.ticks()), accepted == 0 ? 0 : ticksToMillis(thread.ticks()) * 1000 / accepted);
                }
            }
        }
    }

    static void sleepUntil(long nanoTime) throws InterruptedException {
        for (long left; (left = nanoTime - System.nanoTime()) > 0; ) {
            Thread.sleep(Math.max(1, left / 1_000_000));
        }
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
                        .append(",\"fingerprint\":\"").append(Long.toHexString(n)).append("\"}");
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

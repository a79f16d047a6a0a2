package io.commandpost.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.commandpost.launcher.CommandPostSystem;
import io.commandpost.launcher.Service;
import io.commandpost.launcher.SystemOptions;
import io.commandpost.launcher.http.JsonHttp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The four packaged services, started exactly as the run command starts them (real Kafka broker process,
 * real PostgreSQL), driven from outside over HTTP. The broker drill runs last: it disturbs every service.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WalkingSkeletonSystemIT {

    private static final String PAGE_SECRET = "system-test-page-secret";
    private static final Duration EVENTUALLY = Duration.ofSeconds(60);
    private static final Duration AFTER_RESTART = Duration.ofSeconds(150);

    private PageSink pages;
    private CommandPostSystem system;
    private Api api;
    private final StringBuilder figures = new StringBuilder();

    @BeforeAll
    @Timeout(value = 12, unit = TimeUnit.MINUTES) // the launcher's ready limit (10 min) decides, not the 5 min of each test
    void startTheWholeSystem() throws IOException {
        Path root = Path.of(System.getProperty("commandpost.project-root", "..")).toAbsolutePath().normalize();
        Path work = Path.of(System.getProperty("commandpost.work-dir", "target/system"));
        Files.createDirectories(work);
        pages = PageSink.start(PAGE_SECRET);
        SystemOptions options = SystemOptions.builder(root)
                .baseDir(Files.createTempDirectory(work, "run-"))
                .anyFreePorts()
                .pageWebhookUrl(pages.url())
                .pageWebhookSecret(PAGE_SECRET)
                .serviceJvmArgs(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"))
                .brokerJvmArgs(List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"))
                .build();
        system = new CommandPostSystem(options, line -> System.out.println("[system] " + line));
        system.start();
        api = new Api(system);
        note("time from start to all four services ready: %.1f s (data and logs in %s)",
                system.startupTime().toMillis() / 1000.0, options.baseDir());
        noteResidentMemory("after start");
    }

    @AfterAll
    void stopTheWholeSystem() throws IOException {
        if (system != null) {
            noteResidentMemory("at the end");
            system.close();
        }
        if (pages != null) {
            pages.close();
        }
        System.out.println(figures);
        Path report = Path.of(System.getProperty("commandpost.work-dir", "target/system")).resolve("figures.txt");
        Files.writeString(report, figures.toString());
    }

    @Test
    @Order(1)
    void anAlertPagesTheCurrentMroAndQueuesAheadOfAnEarlierQuestion() {
        String team = "skeleton";
        api.createTeam(team, "alice", "bob");
        String mro = await("the new team has an MRO").atMost(EVENTUALLY).until(() -> api.onCall(team),
                response -> response.status() == 200 && response.body().path("mro").path("member").isTextual())
                .body().path("mro").path("member").asText();
        String token = api.createAlertmanagerIntegration(team);

        JsonHttp.Response asked = api.askQuestion(team, "How do I rotate the payments DB password?");
        assertThat(asked.status()).as("POST /v1/questions: %s", asked.text()).isEqualTo(202);
        String questionId = asked.body().path("questionId").asText();
        await("the question is queued").atMost(EVENTUALLY)
                .until(() -> ids(api.queue(team)).contains(questionId));

        Instant posted = Instant.now();
        JsonHttp.Response accepted = api.postAlertmanager(token,
                Alertmanager.firing("skeleton-1", "CheckoutErrorRate", "critical", "Checkout error rate above 5%", posted));
        assertThat(accepted.status()).as("POST webhook: %s", accepted.text()).isEqualTo(202);
        assertThat(accepted.body().path("accepted").asInt()).isEqualTo(1);

        PageSink.Page page = await("the MRO is paged").atMost(EVENTUALLY)
                .until(() -> pages.pagesFor(team), received -> !received.isEmpty()).get(0);
        assertThat(page.signatureValid()).as("HMAC signature of %s", page.body()).isTrue();
        assertThat(page.body().path("recipient").path("handle").asText()).isEqualTo(mro);
        assertThat(page.body().path("alert").path("summary").asText()).isEqualTo("Checkout error rate above 5%");
        assertThat(page.body().path("alert").path("priority").asText()).isEqualTo("P1");
        assertThat(page.eventId()).as("X-CommandPost-Event-Id").isNotBlank();
        assertThat(page.timestamp()).isBetween(posted.getEpochSecond() - 5, Instant.now().getEpochSecond() + 5);
        note("page to %s received %.1f s after the alert was posted", mro,
                Duration.between(posted, Instant.now()).toMillis() / 1000.0);

        List<JsonNode> queue = await("the alert is queued").atMost(EVENTUALLY)
                .until(() -> api.queue(team), items -> kinds(items).contains("ALERT"));
        assertThat(kinds(queue)).containsExactly("ALERT", "QUESTION");
        assertThat(queue.get(0).path("summary").asText()).isEqualTo("Checkout error rate above 5%");
        assertThat(queue.get(0).path("priority").asText()).isEqualTo("P1");
        assertThat(queue.get(1).path("id").asText()).isEqualTo(questionId);

        await("the delivery is recorded").atMost(EVENTUALLY).untilAsserted(() -> assertThat(api.notifications(team))
                .anySatisfy(item -> {
                    assertThat(item.path("status").asText()).isEqualTo("SENT");
                    assertThat(item.path("recipient").toString()).contains(mro);
                }));
        assertThat(pages.pagesFor(team)).as("one page for one alert").hasSize(1);
    }

    @Test
    @Order(2)
    @Timeout(value = 12, unit = TimeUnit.MINUTES) // a restart on a loaded machine, then up to AFTER_RESTART to catch up
    void everyAcceptedAlertIsQueuedExactlyOnceAcrossAKill9OfIncidentService() {
        String team = "crash";
        api.createTeam(team, "dana", "eli");
        String token = api.createAlertmanagerIntegration(team);
        ConcurrentLinkedQueue<String> acceptedSummaries = new ConcurrentLinkedQueue<>();
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();
        sender.scheduleWithFixedDelay(() -> {
            int n = sent.incrementAndGet();
            String summary = "crash drill alert " + n;
            try {
                JsonHttp.Response response = api.postAlertmanager(token,
                        Alertmanager.firing("crash-" + n, "CrashDrill", "warning", summary, Instant.now()));
                if (response.status() == 202) {
                    acceptedSummaries.add(summary);
                } else {
                    refused.incrementAndGet();
                }
            } catch (RuntimeException e) {
                refused.incrementAndGet();
            }
        }, 0, 150, TimeUnit.MILLISECONDS);
        try {
            await().atMost(EVENTUALLY).until(() -> acceptedSummaries.size() >= 5);
            system.killService(Service.INCIDENT);
            int acceptedAtKill = acceptedSummaries.size();
            await("alerts accepted while incident-service is down").atMost(EVENTUALLY)
                    .until(() -> acceptedSummaries.size() >= acceptedAtKill + 15);
            Instant restarting = Instant.now();
            system.restartService(Service.INCIDENT);
            note("incident-service restarted after kill -9: ready in %.1f s; %d alerts accepted during the outage",
                    Duration.between(restarting, Instant.now()).toMillis() / 1000.0,
                    acceptedSummaries.size() - acceptedAtKill);
            int acceptedAtRestart = acceptedSummaries.size();
            await().atMost(EVENTUALLY).until(() -> acceptedSummaries.size() >= acceptedAtRestart + 5);
        } finally {
            sender.shutdown();
        }
        await().atMost(Duration.ofSeconds(40)).until(sender::isTerminated);
        List<String> accepted = List.copyOf(acceptedSummaries);

        Instant catchingUp = Instant.now();
        await("every accepted alert is in the queue").atMost(AFTER_RESTART).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(summaries(api.queue(team))).containsAll(accepted));
        note("queue caught up %.1f s after the last alert was accepted (%d accepted, %d refused)",
                Duration.between(catchingUp, Instant.now()).toMillis() / 1000.0, accepted.size(), refused.get());

        List<JsonNode> queue = api.queue(team);
        Map<String, Long> copies = queue.stream().collect(Collectors.groupingBy(item -> item.path("summary").asText(),
                Collectors.counting()));
        assertThat(copies).as("each alert once in the queue").allSatisfy((summary, count) -> assertThat(count).isOne());
        assertThat(copies.keySet()).containsExactlyInAnyOrderElementsOf(accepted);
        assertThat(queue).as("no alert counted twice")
                .allSatisfy(item -> assertThat(item.path("occurrences").asInt()).isEqualTo(1));
    }

    @Test
    @Order(3)
    @Timeout(value = 12, unit = TimeUnit.MINUTES) // the broker and then every service ready again, on a loaded machine
    void whileTheBrokerIsDownTheWebhookAnswers503AndTheSamePostSucceedsOnceItIsBack() {
        String team = "broker";
        api.createTeam(team, "fay", "gus");
        String token = api.createAlertmanagerIntegration(team);
        String body = Alertmanager.firing("broker-1", "DiskFull", "error", "Disk almost full on db-1", Instant.now());

        system.stopBroker();
        Instant posting = Instant.now();
        JsonHttp.Response refused = api.postAlertmanager(token, body);
        assertThat(refused.status()).as("POST while the broker is down: %s", refused.text()).isEqualTo(503);
        assertThat(refused.header("Retry-After")).as("Retry-After").isNotBlank().matches("\\d+");
        assertThat(refused.header("Content-Type")).contains("application/problem+json");
        note("broker down: 503 with Retry-After %s after %.1f s", refused.header("Retry-After"),
                Duration.between(posting, Instant.now()).toMillis() / 1000.0);

        Instant restarting = Instant.now();
        system.startBroker();
        system.awaitReady(Duration.ofMinutes(5), Service.values());
        note("broker restarted and every service ready again in %.1f s",
                Duration.between(restarting, Instant.now()).toMillis() / 1000.0);

        // a sender retries the same post until it is accepted, as Alertmanager does on a 5xx
        await("the same post is accepted").atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(1))
                .until(() -> api.postAlertmanager(token, body).status() == 202);
        List<JsonNode> queue = await("the alert is queued").atMost(EVENTUALLY)
                .until(() -> api.queue(team), items -> !items.isEmpty());
        assertThat(summaries(queue)).containsExactly("Disk almost full on db-1");
        assertThat(queue.get(0).path("occurrences").asInt()).isEqualTo(1);
        assertThat(queue.get(0).path("priority").asText()).isEqualTo("P2");
    }

    // ---- helpers

    private static List<String> kinds(List<JsonNode> items) {
        return field(items, item -> item.path("kind").asText());
    }

    private static List<String> ids(List<JsonNode> items) {
        return field(items, item -> item.path("id").asText());
    }

    private static List<String> summaries(List<JsonNode> items) {
        return field(items, item -> item.path("summary").asText());
    }

    private static List<String> field(List<JsonNode> items, Function<JsonNode, String> getter) {
        List<String> values = new ArrayList<>();
        items.forEach(item -> values.add(getter.apply(item)));
        return values;
    }

    private void noteResidentMemory(String when) {
        Map<String, Long> rss = system.residentMemoryKb();
        note("resident memory %s (VmRSS): %s; total %,d MiB", when,
                rss.entrySet().stream().map(e -> e.getKey() + " " + e.getValue() / 1024 + " MiB")
                        .collect(Collectors.joining(", ")),
                rss.values().stream().mapToLong(Long::longValue).sum() / 1024);
    }

    private void note(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        System.out.println("[figures] " + line);
        figures.append(line).append(System.lineSeparator());
    }
}

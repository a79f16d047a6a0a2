package io.commandpost.notification.delivery;

import static io.commandpost.notification.support.TestEvents.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.commandpost.events.Priority;
import io.commandpost.infra.test.LocalInfraResource;
import io.commandpost.notification.oncall.Recipient;
import io.commandpost.notification.support.Db;
import io.commandpost.notification.support.NotificationTestResource;
import io.commandpost.notification.support.TestWebhookReceiver;
import io.commandpost.notification.support.TestWebhookReceiver.ReceivedPage;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The delivery lanes against the real database and a receiver on a socket, with the safety sweep set
 * to an hour (NotificationTestResource): every delivery here starts from its commit or its backoff.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "commandpost_notification"))
@QuarkusTestResource(NotificationTestResource.class)
class DeliveryLanesIT {

    /**
     * Far below what a page would wait behind the slow deliveries ({@link #SLOW}, the announcement backlog, the
     * retries) or for the sweep (an hour in tests), with room for a CI machine at load 40.
     */
    private static final Duration PROMPT = Duration.ofSeconds(5);
    /** How long the slow receiver takes per delivery: twice {@link #PROMPT}. */
    private static final Duration SLOW = PROMPT.multipliedBy(2);
    /** How long the failing receiver takes per answer: its four attempts span nearly twice {@link #PROMPT}. */
    private static final Duration FAILING = Duration.ofSeconds(3);
    private static final Duration WAIT = Duration.ofSeconds(60); // Kafka consumers on a CI machine at load 40

    @Inject
    Notifications notifications;

    @Inject
    WebhookDelivery delivery;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Clock clock;

    private final TestWebhookReceiver receiver = TestWebhookReceiver.get();

    @Test
    void aPageStartsWhenItsTransactionCommitsNotBefore() {
        String team = unique("commit");
        QuarkusTransaction.requiringNew().run(() -> {
            notifications.insert(page(team, "dora"));
            await("nothing is sent before the commit").during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(10))
                    .until(() -> receiver.pagesFor(team).isEmpty());
        });
        long committed = System.nanoTime();

        await().atMost(PROMPT).until(() -> receiver.pagesFor(team).size() == 1);
        assertThat(Duration.ofNanos(receiver.pagesFor(team).get(0).receivedNanos() - committed)).isLessThan(PROMPT);
    }

    @Test
    void aSlowReceiverForOnePersonDoesNotDelayAnothersPage() {
        String slowTeam = unique("slow");
        String fastTeam = unique("fast");
        receiver.delay(slowTeam, SLOW);
        try {
            // more pages for the slow person than the lane has workers (8)
            for (int i = 0; i < 10; i++) {
                insert(page(slowTeam, "sam"));
            }
            await().atMost(WAIT).until(() -> !receiver.pagesFor(slowTeam).isEmpty());
            insert(page(fastTeam, "fay"));
            long committed = System.nanoTime();

            await().atMost(PROMPT).until(() -> receiver.pagesFor(fastTeam).size() == 1);
            assertThat(Duration.ofNanos(receiver.pagesFor(fastTeam).get(0).receivedNanos() - committed))
                    .isLessThan(PROMPT);
            assertThat(receiver.pagesFor(slowTeam)).as("the slow person holds at most per-recipient (4) workers")
                    .hasSizeLessThanOrEqualTo(4);
        } finally {
            receiver.delay(slowTeam, Duration.ZERO);
        }
        await().atMost(WAIT).until(() -> receiver.pagesFor(slowTeam).size() == 10);
    }

    @Test
    void anAnnouncementBacklogDoesNotDelayAPage() {
        String channelTeam = unique("chatty");
        String pagedTeam = unique("paged");
        // 20 announcements, two at a time: a backlog of 10 × SLOW
        receiver.delayAnnouncements(channelTeam, SLOW);
        try {
            for (int i = 0; i < 20; i++) {
                insert(announcement(channelTeam, channelTeam + " announcement " + i));
            }
            await().atMost(WAIT).until(() -> !receiver.announcementsContaining(channelTeam).isEmpty());
            insert(page(pagedTeam, "pia"));
            long committed = System.nanoTime();

            await().atMost(PROMPT).until(() -> receiver.pagesFor(pagedTeam).size() == 1);
            assertThat(Duration.ofNanos(receiver.pagesFor(pagedTeam).get(0).receivedNanos() - committed))
                    .isLessThan(PROMPT);
            assertThat(receiver.announcementsContaining(channelTeam)).as("the backlog is still going out")
                    .hasSizeLessThan(20);
        } finally {
            receiver.delayAnnouncements(channelTeam, Duration.ZERO);
        }
        await().atMost(WAIT).until(() -> receiver.announcementsContaining(channelTeam).size() == 20);
    }

    @Test
    void aFailingReceiverIsRetriedWithBackoffWhileOthersPagesGoOut() {
        String failingTeam = unique("failing");
        String healthyTeam = unique("healthy");
        // 10 ms backoff in tests: waits of at least 10, 20, 40 ms after answers that take FAILING each
        receiver.answer(failingTeam, 503, 503, 503);
        receiver.delay(failingTeam, FAILING);
        try {
            Notification failing = page(failingTeam, "finn");
            insert(failing);
            await().atMost(WAIT).until(() -> receiver.pagesFor(failingTeam).size() == 1);
            insert(page(healthyTeam, "hal"));

            await().atMost(PROMPT).until(() -> receiver.pagesFor(healthyTeam).size() == 1);
            assertThat(receiver.pagesFor(failingTeam)).as("the failing page is still being retried").hasSizeLessThan(4);

            await().atMost(WAIT).until(() -> receiver.pagesFor(failingTeam).size() == 4);
            List<ReceivedPage> attempts = receiver.pagesFor(failingTeam);
            for (int i = 1; i < attempts.size(); i++) {
                Duration gap = Duration.ofNanos(attempts.get(i).receivedNanos() - attempts.get(i - 1).receivedNanos());
                // the previous answer took FAILING, then the backoff: 10 ms × 2^(i-1)
                assertThat(gap).as("gap before attempt %d", i + 1)
                        .isGreaterThanOrEqualTo(FAILING.plusMillis(10L * (1L << (i - 1))));
            }
            await().atMost(WAIT).untilAsserted(() -> assertThat(Db.rows(dataSource,
                    "select status, attempts from notification where notification_id = ?", failing.notificationId()))
                    .containsExactly(Map.of("status", "SENT", "attempts", 4)));
        } finally {
            receiver.delay(failingTeam, Duration.ZERO);
        }
    }

    @Test
    void competingWorkersLikeASecondReplicaDeliverEachPageOnce() throws Exception {
        String team = unique("replicas");
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService secondReplica = Executors.newFixedThreadPool(4);
        try {
            for (int w = 0; w < 4; w++) {
                secondReplica.execute(() -> {
                    while (running.get()) {
                        // its own (empty) set of busy recipients, as another process would have
                        if (delivery.attemptNext(EnumSet.of(DeliveryKind.PAGE), Set.of(), claimed -> { }).isEmpty()) {
                            LockSupport.parkNanos(Duration.ofMillis(5).toNanos()); // this replica's idle poll
                        }
                    }
                });
            }
            List<Notification> pages = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                pages.add(page(team, "person-" + i));
            }
            // in a few transactions, so both "replicas" are claiming while rows keep coming
            for (int from = 0; from < pages.size(); from += 10) {
                List<Notification> chunk = pages.subList(from, from + 10);
                QuarkusTransaction.requiringNew().run(() -> chunk.forEach(notifications::insert));
            }

            await().atMost(WAIT).until(() -> Db.rows(dataSource,
                    "select 1 from notification where team = ? and status = 'SENT'", team).size() == pages.size());
        } finally {
            running.set(false);
            secondReplica.shutdown();
        }
        Map<String, Long> copies = receiver.pagesFor(team).stream()
                .collect(Collectors.groupingBy(ReceivedPage::eventId, Collectors.counting()));
        assertThat(copies).hasSize(60).allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1L));
        assertThat(Db.rows(dataSource, "select attempts from notification where team = ?", team))
                .allSatisfy(row -> assertThat(row.get("attempts")).isEqualTo(1));
    }

    private void insert(Notification notification) {
        QuarkusTransaction.requiringNew().run(() -> notifications.insert(notification));
    }

    private Notification page(String team, String handle) {
        Instant now = clock.instant();
        String dedupKey = unique("alert");
        return Notification.page(UUID.randomUUID(), team, new Recipient(handle, handle, handle + "@example.com", null),
                new PageAlert(dedupKey, Priority.P1, "summary of " + dedupKey, now, List.of()), UUID.randomUUID(),
                UUID.randomUUID(), now, now.plusSeconds(120));
    }

    private Notification announcement(String team, String text) {
        Instant now = clock.instant();
        return new Notification(UUID.randomUUID(), DeliveryKind.ANNOUNCEMENT, team, null,
                Notification.ANNOUNCEMENT_CHANNEL, "team", team, null, null, text, UUID.randomUUID(), UUID.randomUUID(),
                DeliveryStatus.PENDING, 0, now, null, null, now, null, null, null, null);
    }
}

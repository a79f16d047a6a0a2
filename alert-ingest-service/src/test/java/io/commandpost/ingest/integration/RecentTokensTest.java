package io.commandpost.ingest.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RecentTokensTest {

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final RecentTokens recent = new RecentTokens(Duration.ofSeconds(10), nanos::get);

    @Test
    void aRecognisedTokenIsRememberedUntilItsTimeIsUp() {
        Integration integration = integration();
        byte[] hash = IntegrationToken.hash("secret");
        recent.put(hash, integration);

        nanos.addAndGet(Duration.ofSeconds(10).toNanos());
        assertThat(recent.get(IntegrationToken.hash("secret"))).contains(integration);

        nanos.incrementAndGet();
        assertThat(recent.get(hash)).isEmpty();
    }

    @Test
    void forgettingAnIntegrationDropsEveryTokenOfIt() {
        Integration integration = integration();
        Integration other = integration();
        recent.put(IntegrationToken.hash("old"), integration);
        recent.put(IntegrationToken.hash("other"), other);

        recent.forget(integration.id());

        assertThat(recent.get(IntegrationToken.hash("old"))).isEmpty();
        assertThat(recent.get(IntegrationToken.hash("other"))).contains(other);
    }

    @Test
    void aZeroTimeToLiveRemembersNothing() {
        RecentTokens off = new RecentTokens(Duration.ZERO, nanos::get);
        off.put(IntegrationToken.hash("secret"), integration());
        assertThat(off.get(IntegrationToken.hash("secret"))).isEmpty();
    }

    @Test
    void theCacheStaysBounded() {
        for (int i = 0; i <= RecentTokens.CAPACITY; i++) {
            recent.put(IntegrationToken.hash("token-" + i), integration());
        }
        assertThat(recent.get(IntegrationToken.hash("token-" + RecentTokens.CAPACITY))).isPresent();
        assertThat(recent.get(IntegrationToken.hash("token-0"))).isEmpty();
    }

    private static Integration integration() {
        return new Integration(UUID.randomUUID(), "payments", IntegrationType.ALERTMANAGER, "prod", null,
                Instant.parse("2026-11-25T09:00:00Z"), null, null, IntegrationSettings.NONE, Integration.FIRST_VERSION);
    }
}

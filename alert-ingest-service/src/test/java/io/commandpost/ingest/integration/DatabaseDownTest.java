package io.commandpost.ingest.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commandpost.events.Priority;
import io.commandpost.platform.http.DependencyFailures;
import io.commandpost.platform.http.DependencyUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A database that does not answer: the intake keeps accepting integrations it recognised recently (bounded
 * staleness), refuses what it cannot check as "dependency unavailable" (503, never 500), and a revocation takes
 * effect as soon as the database answers again.
 */
class DatabaseDownTest {

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final RecentTokens recent = new RecentTokens(Duration.ofSeconds(10), Duration.ofMinutes(10), nanos::get);
    private final FlakyRepository repository = new FlakyRepository();
    private final Integrations integrations = new Integrations(repository, null,
            Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC), recent,
            new DependencyFailures(nanos::get));

    @Test
    void aRecentlyRecognisedTokenIsAcceptedWhileTheDatabaseIsDown() {
        Integration known = repository.add("known-token");
        assertThat(integrations.authenticate("known-token")).contains(known);

        repository.down.set(new IllegalStateException("cannot look up an integration token"));
        nanos.addAndGet(Duration.ofMinutes(5).toNanos());

        assertThat(integrations.authenticate("known-token")).contains(known);
    }

    @Test
    void anUnknownOrTooOldTokenIsDependencyUnavailableNotAFault() {
        repository.add("old-token");
        integrations.authenticate("old-token");
        repository.add("never-seen-token");

        repository.down.set(new IllegalStateException("cannot look up an integration token"));
        nanos.addAndGet(Duration.ofMinutes(11).toNanos());

        for (String token : new String[] {"never-seen-token", "old-token"}) {
            assertThatThrownBy(() -> integrations.authenticate(token))
                    .isInstanceOf(DependencyUnavailableException.class)
                    .satisfies(e -> assertThat(DependencyFailures.dependencyOf(e)).isEqualTo("database"));
        }
    }

    @Test
    void aRevocationTakesEffectOnceTheDatabaseAnswers() {
        repository.add("revoked-token");
        integrations.authenticate("revoked-token");
        repository.down.set(new IllegalStateException("down"));
        nanos.addAndGet(Duration.ofSeconds(30).toNanos());
        assertThat(integrations.authenticate("revoked-token")).isPresent();

        repository.down.set(null);
        repository.token.set(null); // revoked meanwhile through another replica
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());

        assertThat(integrations.authenticate("revoked-token")).isEmpty();
        repository.down.set(new IllegalStateException("down again"));
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThatThrownBy(() -> integrations.authenticate("revoked-token"))
                .isInstanceOf(DependencyUnavailableException.class);
    }

    /** One token at a time; fails with {@code down} when set. */
    private static final class FlakyRepository extends IntegrationRepository {
        final AtomicReference<RuntimeException> down = new AtomicReference<>();
        final AtomicReference<StoredToken> token = new AtomicReference<>();

        FlakyRepository() {
            super(null);
        }

        Integration add(String presented) {
            Integration integration = new Integration(UUID.randomUUID(), "payments", IntegrationType.ALERTMANAGER,
                    "prod", Priority.P2, Instant.EPOCH, null, null, IntegrationSettings.NONE, 1);
            token.set(new StoredToken(integration, IntegrationToken.hash(presented)));
            return integration;
        }

        @Override
        public Optional<StoredToken> findByTokenHash(byte[] tokenHash) {
            RuntimeException failure = down.get();
            if (failure != null) {
                throw failure;
            }
            StoredToken stored = token.get();
            return stored != null && IntegrationToken.sameHash(stored.tokenHash(), tokenHash)
                    ? Optional.of(stored) : Optional.empty();
        }
    }
}

package io.commandpost.ingest.integration;

import io.commandpost.platform.security.SecretBox;
import io.commandpost.events.Priority;
import io.commandpost.ingest.intake.IngestConfig;
import io.commandpost.platform.eventing.ConcurrencyConflictException;
import io.commandpost.platform.http.DependencyFailures;
import io.commandpost.platform.http.DependencyUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Creating, editing, rotating, revoking integrations, and recognising their tokens. */
@ApplicationScoped
public class Integrations {

    private static final Logger LOG = Logger.getLogger(Integrations.class);
    static final String DATABASE = "database";
    static final java.time.Duration RETRY_DATABASE_AFTER = java.time.Duration.ofSeconds(1);

    private final IntegrationRepository repository;
    private final SecretBox secrets;
    private final Clock clock;
    private final RecentTokens recent;
    private final DependencyFailures outages;

    @Inject
    Integrations(IntegrationRepository repository, SecretBox secrets, Clock clock, IngestConfig config) {
        this(repository, secrets, clock, new RecentTokens(config.tokenCacheTtl(), config.tokenCacheMaxStaleness(),
                System::nanoTime), DependencyFailures.SHARED);
    }

    Integrations(IntegrationRepository repository, SecretBox secrets, Clock clock, RecentTokens recent,
                 DependencyFailures outages) {
        this.repository = repository;
        this.secrets = secrets;
        this.clock = clock;
        this.recent = recent;
        this.outages = outages;
    }

    /** A new integration and its token, which exists nowhere else once this returns. */
    public WithToken create(String team, IntegrationType type, String name, Priority defaultPriority) {
        return create(team, type, name, defaultPriority, IntegrationSettings.NONE, null);
    }

    /** @param secret a secret the sender signs with (Slack), kept encrypted; null when the type has none */
    public WithToken create(String team, IntegrationType type, String name, Priority defaultPriority,
                            IntegrationSettings settings, String secret) {
        String token = IntegrationToken.generate();
        Integration integration = new Integration(UUID.randomUUID(), team, type, name, defaultPriority,
                clock.instant(), null, null, settings, Integration.FIRST_VERSION);
        repository.insert(integration, IntegrationToken.hash(token), secret == null ? null : secrets.seal(secret));
        return new WithToken(integration, token);
    }

    /** Live integrations of a type with their signing secrets in clear, newest first (for signature checks). */
    public List<WithSecret> liveWithSecrets(IntegrationType type) {
        return repository.liveWithSecrets(type).stream()
                .filter(stored -> stored.sealedSecret() != null)
                .map(stored -> new WithSecret(stored.integration(), secrets.open(stored.sealedSecret())))
                .toList();
    }

    /** An integration and its secret; never leaves the service. */
    public record WithSecret(Integration integration, String secret) {
        @Override
        public String toString() {
            return "WithSecret[" + integration.id() + "]";
        }
    }

    /**
     * Replaces the editable configuration of a live integration (already checked by the caller; type,
     * team, token and secret stay), if it is still at {@code expectedVersion}.
     *
     * @return the edited integration at its next version; empty when it does not exist or is revoked
     * @throws ConcurrencyConflictException when it was edited since {@code expectedVersion}
     */
    public Optional<Integration> update(UUID id, long expectedVersion, String name, Priority defaultPriority,
                                        IntegrationSettings settings) {
        Optional<Integration> current = repository.find(id).filter(integration -> !integration.revoked());
        if (current.isEmpty()) {
            return Optional.empty();
        }
        Integration found = current.get();
        if (found.version() != expectedVersion) {
            throw new ConcurrencyConflictException("integration " + id, expectedVersion, found.version());
        }
        Integration edited = new Integration(id, found.team(), found.type(), name, defaultPriority,
                found.createdAt(), found.tokenRotatedAt(), null, settings, expectedVersion + 1);
        boolean stored = repository.update(edited, expectedVersion);
        recent.forget(id);
        if (!stored) {
            if (repository.find(id).filter(integration -> !integration.revoked()).isEmpty()) {
                return Optional.empty();
            }
            throw new ConcurrencyConflictException("integration " + id, expectedVersion, -1);
        }
        return repository.find(id);
    }

    public Optional<WithToken> rotateToken(UUID id) {
        String token = IntegrationToken.generate();
        boolean replaced = repository.replaceToken(id, IntegrationToken.hash(token), clock.instant());
        recent.forget(id);
        if (!replaced) {
            return Optional.empty();
        }
        return repository.find(id).map(integration -> new WithToken(integration, token));
    }

    public boolean revoke(UUID id) {
        boolean revoked = repository.revoke(id, clock.instant());
        recent.forget(id);
        return revoked;
    }

    /**
     * Forgets what this replica remembers of the integration's token. Changes forget it themselves; a caller that
     * commits a change later (in its own transaction) forgets again after the commit, so a call racing the change
     * cannot have remembered the old state meanwhile.
     */
    public void forget(UUID id) {
        recent.forget(id);
    }

    public Optional<Integration> find(UUID id) {
        return repository.find(id);
    }

    public List<Integration> list(String team) {
        return repository.list(team);
    }

    /**
     * The live integration of this token when this replica recognised it within the token cache TTL;
     * never asks the database (empty means: ask {@link #authenticate}).
     */
    public Optional<Integration> remembered(String presentedToken) {
        return presentedToken == null ? Optional.empty() : recent.get(IntegrationToken.hash(presentedToken));
    }

    /**
     * The live integration this token belongs to. The lookup is by hash (which says nothing about
     * how close a guess is), and the hashes are then compared in constant time. When the database does not
     * answer, an integration this replica recognised within the maximum staleness is still accepted (a
     * revocation takes effect once the database answers again); any other token is a
     * {@link DependencyUnavailableException} (503 + Retry-After), one warning per outage.
     */
    public Optional<Integration> authenticate(String presentedToken) {
        if (presentedToken == null) {
            return Optional.empty();
        }
        byte[] presented = IntegrationToken.hash(presentedToken);
        Optional<Integration> remembered = recent.get(presented);
        if (remembered.isPresent()) {
            return remembered;
        }
        if (outages.failedWithin(DATABASE, RETRY_DATABASE_AFTER)) {
            // an outage is going on: answer from what this replica knows rather than wait for the timeout again
            Optional<Integration> known = recent.lastKnown(presented);
            if (known.isPresent()) {
                return known;
            }
        }
        Optional<IntegrationRepository.StoredToken> stored;
        try {
            stored = repository.findByTokenHash(presented);
        } catch (RuntimeException e) {
            if (outages.firstOfOutage(DATABASE)) {
                LOG.warnf("the database is not answering (%s); accepting integrations recognised in the last %s",
                        e.getMessage(), "token-cache-max-staleness");
            }
            Optional<Integration> known = recent.lastKnown(presented);
            if (known.isPresent()) {
                return known;
            }
            throw new DependencyUnavailableException(DATABASE, e);
        }
        Optional<Integration> found = stored
                .filter(token -> IntegrationToken.sameHash(token.tokenHash(), presented))
                .map(IntegrationRepository.StoredToken::integration);
        if (found.isPresent()) {
            recent.put(presented, found.get());
        } else {
            recent.forget(presented);
        }
        return found;
    }

    public record WithToken(Integration integration, String token) {
    }
}

package io.commandpost.ingest.integration;

import io.commandpost.events.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Creating, rotating, revoking integrations, and recognising their tokens. */
@ApplicationScoped
public class Integrations {

    private final IntegrationRepository repository;
    private final SecretBox secrets;
    private final Clock clock;

    Integrations(IntegrationRepository repository, SecretBox secrets, Clock clock) {
        this.repository = repository;
        this.secrets = secrets;
        this.clock = clock;
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
                clock.instant(), null, null, settings);
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

    public Optional<WithToken> rotateToken(UUID id) {
        String token = IntegrationToken.generate();
        if (!repository.replaceToken(id, IntegrationToken.hash(token), clock.instant())) {
            return Optional.empty();
        }
        return repository.find(id).map(integration -> new WithToken(integration, token));
    }

    public boolean revoke(UUID id) {
        return repository.revoke(id, clock.instant());
    }

    public Optional<Integration> find(UUID id) {
        return repository.find(id);
    }

    public List<Integration> list(String team) {
        return repository.list(team);
    }

    /**
     * The live integration this token belongs to. The lookup is by hash (which says nothing about
     * how close a guess is), and the hashes are then compared in constant time.
     */
    public Optional<Integration> authenticate(String presentedToken) {
        if (presentedToken == null) {
            return Optional.empty();
        }
        byte[] presented = IntegrationToken.hash(presentedToken);
        return repository.findByTokenHash(presented)
                .filter(stored -> IntegrationToken.sameHash(stored.tokenHash(), presented))
                .map(IntegrationRepository.StoredToken::integration);
    }

    public record WithToken(Integration integration, String token) {
    }
}

package io.commandpost.ingest.integration;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Integrations recently recognised by token hash, so a webhook call usually costs no database round
 * trip. This replica forgets an integration at once when it rotates, revokes or edits it; a change
 * made through another replica is seen here within {@code ttl}. Unknown tokens are never remembered.
 * While the database does not answer, an entry up to {@code maxStaleness} old is still trusted
 * ({@link #lastKnown}): the broker, not the database, is the intake's durable write.
 */
final class RecentTokens {

    static final int CAPACITY = 10_000;

    private final Map<ByteBuffer, Entry> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final long maxStalenessNanos;
    private final LongSupplier nanoTime;

    RecentTokens(Duration ttl, LongSupplier nanoTime) {
        this(ttl, ttl, nanoTime);
    }

    RecentTokens(Duration ttl, Duration maxStaleness, LongSupplier nanoTime) {
        this.ttlNanos = ttl.toNanos();
        this.maxStalenessNanos = Math.max(ttl.toNanos(), maxStaleness.toNanos());
        this.nanoTime = nanoTime;
    }

    /** The integration when it was recognised within the TTL: trusted without asking the database. */
    Optional<Integration> get(byte[] tokenHash) {
        return within(tokenHash, ttlNanos);
    }

    /** The integration when it was recognised within the maximum staleness: for when the database cannot say. */
    Optional<Integration> lastKnown(byte[] tokenHash) {
        return within(tokenHash, maxStalenessNanos);
    }

    /** The database said this token belongs to no live integration (revoked, rotated elsewhere). */
    void forget(byte[] tokenHash) {
        entries.remove(ByteBuffer.wrap(tokenHash));
    }

    private Optional<Integration> within(byte[] tokenHash, long ageNanos) {
        Entry entry = entries.get(ByteBuffer.wrap(tokenHash));
        if (entry == null) {
            return Optional.empty();
        }
        if (nanoTime.getAsLong() - entry.storedAt() > ageNanos) {
            if (ageNanos >= maxStalenessNanos) {
                entries.remove(ByteBuffer.wrap(tokenHash), entry);
            }
            return Optional.empty();
        }
        return Optional.of(entry.integration());
    }

    void put(byte[] tokenHash, Integration integration) {
        if (ttlNanos <= 0) {
            return;
        }
        if (entries.size() >= CAPACITY) {
            entries.clear();
        }
        entries.put(ByteBuffer.wrap(tokenHash.clone()), new Entry(integration, nanoTime.getAsLong()));
    }

    void forget(UUID integrationId) {
        entries.values().removeIf(entry -> entry.integration().id().equals(integrationId));
    }

    private record Entry(Integration integration, long storedAt) {
    }
}

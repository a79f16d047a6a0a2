package io.commandpost.ingest.intake;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Event ids for the intake path: RFC 9562 version-8 UUIDs made of a random 60-bit prefix drawn once
 * per process and a 62-bit counter. Unique within a process by construction and across processes
 * unless two draw the same prefix; unlike {@code UUID.randomUUID()}, no shared SecureRandom lock on
 * every event. Consumers deduplicate by event id, so ids must never repeat; they need not be secret.
 */
final class EventIds {

    private static final long PREFIX = (new SecureRandom().nextLong() & ~0xF000L) | 0x8000L;
    private static final AtomicLong COUNTER = new AtomicLong(new SecureRandom().nextLong() & 0x3FFF_FFFF_FFFF_FFFFL);

    private EventIds() {
    }

    static UUID next() {
        long sequence = COUNTER.getAndIncrement() & 0x3FFF_FFFF_FFFF_FFFFL;
        return new UUID(PREFIX, sequence | 0x8000_0000_0000_0000L);
    }
}

package io.commandpost.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EventIdsTest {

    @Test
    void idsAreVersionEightUuidsThatNeverRepeatAcrossThreads() {
        Set<UUID> seen = ConcurrentHashMap.newKeySet();
        IntStream.range(0, 200_000).parallel().forEach(i -> assertThat(seen.add(EventIds.next())).isTrue());

        UUID id = EventIds.next();
        assertThat(id.version()).isEqualTo(8);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(UUID.fromString(id.toString())).isEqualTo(id);
        assertThat(seen).hasSize(200_000);
    }
}

package io.commandpost.notification.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ChannelPacerTest {

    private static final Instant T0 = Instant.parse("2025-03-03T08:00:00Z");

    @Test
    void givenAPostToAChannel_whenAnotherFollowsWithinASecond_thenItIsToldToWaitForTheRest() {
        ChannelPacer pacer = new ChannelPacer(Duration.ofSeconds(1));
        assertThat(pacer.take("C1", T0)).isEmpty();
        assertThat(pacer.take("C1", T0.plusMillis(300))).contains(Duration.ofMillis(700));
        assertThat(pacer.take("C1", T0.plusMillis(1_000))).isEmpty();
    }

    @Test
    void givenAPostToAChannel_whenAnotherChannelIsPostedTo_thenItGoesAtOnce() {
        ChannelPacer pacer = new ChannelPacer(Duration.ofSeconds(1));
        assertThat(pacer.take("C1", T0)).isEmpty();
        assertThat(pacer.take("D2", T0)).isEmpty();
    }
}

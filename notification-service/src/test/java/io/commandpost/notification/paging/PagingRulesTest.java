package io.commandpost.notification.paging;

import static org.assertj.core.api.Assertions.assertThat;

import io.commandpost.notification.delivery.DeliveryStatus;
import io.commandpost.notification.oncall.Recipient;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PagingRulesTest {

    private static final Recipient ALICE = new Recipient("alice", "Alice", "alice@example.com", "U1");

    @Test
    void givenNoOpenAlert_whenAlertReceived_thenPagesTheMro() {
        assertThat(PagingRules.onAlertReceived(Optional.empty(), Optional.of(ALICE)))
                .isEqualTo(new PagingRules.Page(ALICE));
    }

    @Test
    void givenNoMroKnownYet_whenAlertReceived_thenPagesWithTheRecipientLeftToDeliveryTime() {
        assertThat(PagingRules.onAlertReceived(Optional.empty(), Optional.empty()))
                .isEqualTo(new PagingRules.Page(null));
    }

    @Test
    void givenAnOpenAlertPendingOrSent_whenItRepeats_thenNobodyIsPaged() {
        for (DeliveryStatus status : new DeliveryStatus[] {DeliveryStatus.PENDING, DeliveryStatus.SENT}) {
            OpenPage open = new OpenPage(UUID.randomUUID(), status);
            assertThat(PagingRules.onAlertReceived(Optional.of(open), Optional.of(ALICE)))
                    .isEqualTo(new PagingRules.AlreadyPaged(open));
        }
    }

    @Test
    void givenAnOpenAlertWhosePageFailed_whenItRepeats_thenPagesAgain() {
        OpenPage failed = new OpenPage(UUID.randomUUID(), DeliveryStatus.FAILED);
        assertThat(PagingRules.onAlertReceived(Optional.of(failed), Optional.of(ALICE)))
                .isEqualTo(new PagingRules.Page(ALICE));
    }
}

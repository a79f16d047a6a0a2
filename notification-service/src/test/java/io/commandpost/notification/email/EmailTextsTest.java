package io.commandpost.notification.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.commandpost.events.EventJson;
import io.commandpost.events.Link;
import io.commandpost.events.Priority;
import io.commandpost.notification.delivery.Notification;
import io.commandpost.notification.delivery.PageAlert;
import io.commandpost.notification.oncall.Recipient;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EmailTextsTest {

    private static final Instant NOW = Instant.parse("2025-03-03T08:00:00Z");
    private static final URI API = URI.create("https://commandpost.example.com/");
    private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-000000000042");
    private static final Recipient ALICE = new Recipient("alice", "Alice", "alice@example.com", "U1");

    private static Notification page(Priority priority) {
        return Notification.pageOn(ID, "email", "payments", ALICE, new PageAlert("disk full/db 1", priority,
                "Disk full on db-1\nmore detail", NOW, List.of(new Link("https://runbooks.example.com/disk", "runbook"))),
                UUID.randomUUID(), null, NOW, NOW);
    }

    private static String to(Notification n) {
        return n.recipient() == null ? null : n.recipient().email();
    }

    @Test
    void announcementsInSlackMrkdwnReadAsPlainMail() {
        assertThat(EmailTexts.plain("Good morning! Today's MRO for Payments is Bob (<@U-bob>)\n"
                + "• Alert <http://x/queue/alert/disk|disk &amp; db &lt;1&gt;>\nping <@U7>"))
                .isEqualTo("Good morning! Today's MRO for Payments is Bob\n"
                        + "• Alert disk & db <1> (http://x/queue/alert/disk)\nping @U7");
    }

    @Test
    void aPageMailNamesPriorityTeamAndSummaryInItsSubject() {
        EmailMessage mail = EmailTexts.render(page(Priority.P1), to(page(Priority.P1)), API, "cp.test").orElseThrow();

        assertThat(mail.to()).isEqualTo("alice@example.com");
        assertThat(mail.subject()).isEqualTo("[P1] payments: Disk full on db-1");
        assertThat(mail.inReplyTo()).isNull();
    }

    @Test
    void aPageMailCarriesTheLinksAndHowToAcknowledge() {
        String text = EmailTexts.render(page(Priority.P2), to(page(Priority.P2)), API, "cp.test").orElseThrow().text();

        assertThat(text).contains("runbook: https://runbooks.example.com/disk")
                .contains("Authorization: Bearer <your token>").doesNotContain("X-CommandPost-Actor")
                .contains("https://commandpost.example.com/v1/teams/payments/alerts/disk%20full%2Fdb%201/acknowledge")
                .contains("/resolve").contains("/escalate");
    }

    @Test
    void everyAttemptOfADeliveryGetsTheSameMessageIdSoAReceiverDedupes() {
        EmailMessage first = EmailTexts.render(page(Priority.P1), to(page(Priority.P1)), API, "cp.test").orElseThrow();
        EmailMessage retry = EmailTexts.render(page(Priority.P1), to(page(Priority.P1)), API, "cp.test").orElseThrow();

        assertThat(first.messageId()).isEqualTo("<00000000-0000-0000-0000-000000000042@cp.test>")
                .isEqualTo(retry.messageId());
    }

    @Test
    void aRecipientWithoutAddressGetsNoMail() {
        Notification page = Notification.pageOn(ID, "email", "payments", new Recipient("bob", null, null, null),
                page(Priority.P1).alert(), UUID.randomUUID(), null, NOW, NOW);

        assertThat(EmailTexts.render(page, to(page), API, "cp.test")).isEmpty();
    }

    @Test
    void anAnswerIsAReplyInTheQuestionsThread() {
        ObjectNode question = EventJson.mapper().createObjectNode()
                .put(EmailTexts.ASKER, "carol@example.org").put(EmailTexts.THREAD_REF, "q-1@mail.example.org")
                .put(EmailTexts.ORIGINAL_SUBJECT, "Is the VPN down?")
                .put(EmailTexts.QUESTION, "Is the VPN down?\n\nI cannot connect.")
                .put(EmailTexts.ANSWERED_BY, "alice");
        Notification answer = Notification.answer(ID, "payments", new Recipient("carol@example.org", null,
                "carol@example.org", null), "q", question, "Yes, fixed by 10:00.", UUID.randomUUID(), null, NOW);

        EmailMessage mail = EmailTexts.render(answer, to(answer), API, "cp.test").orElseThrow();

        assertThat(mail.subject()).isEqualTo("Re: Is the VPN down?");
        assertThat(mail.inReplyTo()).isEqualTo("<q-1@mail.example.org>");
        assertThat(mail.text()).startsWith("Yes, fixed by 10:00.").contains("> I cannot connect.")
                .contains("alice, MRO of payments");
    }

    @Test
    void aSubjectThatIsAReplyAlreadyIsNotPrefixedTwice() {
        ObjectNode question = EventJson.mapper().createObjectNode().put(EmailTexts.ORIGINAL_SUBJECT, "RE: vpn")
                .put(EmailTexts.THREAD_REF, "<x@y>");
        Notification answer = Notification.answer(ID, "payments", new Recipient("c@example.org", null,
                "c@example.org", null), "q", question, "yes", UUID.randomUUID(), null, NOW);

        assertThat(EmailTexts.render(answer, to(answer), API, "cp.test").orElseThrow().subject()).isEqualTo("RE: vpn");
    }
}

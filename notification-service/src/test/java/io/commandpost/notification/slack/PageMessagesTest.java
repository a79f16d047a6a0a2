package io.commandpost.notification.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.element.ButtonElement;
import io.commandpost.events.Link;
import io.commandpost.events.Priority;
import io.commandpost.events.lifecycle.AlertState;
import io.commandpost.events.lifecycle.AlertStatus;
import io.commandpost.notification.delivery.PageAlert;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageMessagesTest {

    private static final Instant T0 = Instant.parse("2025-03-03T08:00:00Z");
    private static final PageAlert ALERT = new PageAlert("disk-full/db-1", Priority.P1, "Disk <90%> full & rising",
            T0, List.of(new Link("https://grafana.example/d/1", "Dashboard")));

    @Test
    void givenANewPage_whenRendered_thenItHasAcknowledgeResolveAndEscalateForTheTeamsAlert() {
        PageMessages.Message message = PageMessages.page("payments", ALERT, null);

        assertThat(buttons(message)).extracting(ButtonElement::getActionId)
                .containsExactly(PageMessages.ACKNOWLEDGE, PageMessages.RESOLVE, PageMessages.ESCALATE);
        assertThat(buttons(message)).extracting(ButtonElement::getValue).containsOnly("payments/disk-full/db-1");
        assertThat(message.text()).contains("P1", "Disk <90%> full & rising", "open, not acknowledged");
    }

    @Test
    void givenAnAcknowledgedAlert_whenRendered_thenItSaysWhoAndOffersResolveAndEscalate() {
        PageMessages.Message message = PageMessages.page("payments", ALERT, state(T0, "alice", null));

        assertThat(buttons(message)).extracting(ButtonElement::getActionId)
                .containsExactly(PageMessages.RESOLVE, PageMessages.ESCALATE);
        assertThat(message.text()).contains("acknowledged by alice");
    }

    @Test
    void givenAResolvedAlert_whenRendered_thenItSaysWhoAndHasNoButtons() {
        PageMessages.Message message = PageMessages.page("payments", ALERT, state(T0, "alice", "tool:grafana"));

        assertThat(message.blocks()).noneMatch(ActionsBlock.class::isInstance);
        assertThat(message.text()).contains("resolved by grafana");
    }

    @Test
    void givenAFollowUp_whenRendered_thenItLinksTheFirstTenAlertsCountsTheRestAndOffersAcknowledgeAllAndTheList() {
        PageAlert summary = new PageAlert("follow-up/42", null, "12 alerts while you were paged: a, b, …", T0,
                List.of());
        List<String> keys = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            keys.add("k" + i);
        }

        PageMessages.Message message = PageMessages.followUp("payments", summary, keys,
                key -> "https://cp.example/a/" + key, "https://cp.example/queue", null);

        assertThat(buttons(message)).extracting(ButtonElement::getActionId)
                .containsExactly(PageMessages.ACKNOWLEDGE_ALL, PageMessages.OPEN_LIST);
        assertThat(buttons(message).get(0).getValue()).isEqualTo("payments/follow-up/42");
        assertThat(buttons(message).get(1).getUrl()).isEqualTo("https://cp.example/queue");
        String blocks = message.blocks().toString();
        assertThat(blocks).contains("<https://cp.example/a/k0|k0>", "<https://cp.example/a/k9|k9>", "… and 2 more")
                .doesNotContain("|k10>");

        PageMessages.Message done = PageMessages.followUp("payments", summary, keys,
                key -> "https://cp.example/a/" + key, "https://cp.example/queue", "12 acknowledged by alice");
        assertThat(buttons(done)).extracting(ButtonElement::getActionId).containsExactly(PageMessages.OPEN_LIST);
        assertThat(done.text()).contains("12 acknowledged by alice");
    }

    @Test
    void givenAButtonValue_whenParsed_thenTheTeamIsBeforeTheFirstSlashAndTheDedupKeyIsTheRest() {
        assertThat(PageMessages.AlertRef.parse("payments/disk-full/db-1"))
                .contains(new PageMessages.AlertRef("payments", "disk-full/db-1"));
        assertThat(PageMessages.AlertRef.parse("payments")).isEmpty();
        assertThat(PageMessages.AlertRef.parse("/x")).isEmpty();
        assertThat(PageMessages.AlertRef.parse(null)).isEmpty();
    }

    @Test
    void givenSlackControlCharacters_whenEscaped_thenTheyAreEntities() {
        assertThat(PageMessages.escape("a < b & c > d")).isEqualTo("a &lt; b &amp; c &gt; d");
    }

    private static List<ButtonElement> buttons(PageMessages.Message message) {
        return message.blocks().stream().filter(ActionsBlock.class::isInstance).map(ActionsBlock.class::cast)
                .flatMap(block -> block.getElements().stream()).map(ButtonElement.class::cast).toList();
    }

    private static AlertState state(Instant openedAt, String acknowledgedBy, String resolvedBy) {
        return new AlertState("payments", ALERT.dedupKey(), resolvedBy == null ? AlertStatus.OPEN : AlertStatus.RESOLVED,
                1, openedAt, openedAt, 1, Priority.P1, ALERT.summary(), acknowledgedBy == null ? null : openedAt,
                acknowledgedBy, resolvedBy == null ? null : openedAt, resolvedBy, 0, null, null);
    }
}

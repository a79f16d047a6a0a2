package io.commandpost.notification.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commandpost.notification.contact.NotificationRules.Planned;
import io.commandpost.notification.oncall.Recipient;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NotificationRulesTest {

    private static final Recipient ALICE = new Recipient("alice", "Alice", "alice@example.com", "U1");
    private static final Recipient NO_EMAIL = new Recipient("bob", "Bob", null, null);
    private static final Set<String> WEBHOOK_AND_EMAIL = Set.of("webhook", "email");
    private static final Set<String> WEBHOOK_ONLY = Set.of("webhook");

    @Test
    void givenNoRulesAndMailOn_thenTheWebhookAndEmailGoAtOnce() {
        assertThat(NotificationRules.plan(ALICE, Optional.empty(), WEBHOOK_AND_EMAIL)).containsExactly(
                new Planned("webhook", 0, ALICE, null), new Planned("email", 0, ALICE, null));
    }

    @Test
    void givenNoRulesAndMailOff_thenOnlyTheWebhookGoes() {
        assertThat(NotificationRules.plan(ALICE, Optional.empty(), WEBHOOK_ONLY))
                .containsExactly(new Planned("webhook", 0, ALICE, null));
    }

    @Test
    void givenNoRulesAndNoAddress_thenOnlyTheWebhookGoes() {
        assertThat(NotificationRules.plan(NO_EMAIL, Optional.empty(), WEBHOOK_AND_EMAIL))
                .containsExactly(new Planned("webhook", 0, NO_EMAIL, null));
    }

    @Test
    void givenSlackAtOnceAndEmailAfterTwoMinutes_thenOneDeliveryPerRuleInOrderOfDelay() {
        ContactPreference rules = new ContactPreference(ContactMethods.NONE, List.of(
                new NotificationRule("email", 2), new NotificationRule("slack", 0)));

        List<Planned> plan = NotificationRules.plan(ALICE, Optional.of(rules), Set.of("webhook", "email", "slack"));

        assertThat(plan).extracting(Planned::method, Planned::afterMinutes)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("slack", 0),
                        org.assertj.core.groups.Tuple.tuple("email", 2));
        assertThat(plan).allMatch(Planned::deliverable);
    }

    @Test
    void givenAnEmailRuleWhileMailIsOff_thenItIsPlannedAsSkippedWithTheReason() {
        ContactPreference rules = new ContactPreference(null, List.of(new NotificationRule("email", 0)));

        assertThat(NotificationRules.plan(ALICE, Optional.of(rules), WEBHOOK_ONLY))
                .containsExactly(new Planned("email", 0, ALICE, NotificationRules.EMAIL_DISABLED));
    }

    @Test
    void givenAnEmailRuleWithoutAnyAddress_thenItIsSkippedNamingThePerson() {
        ContactPreference rules = new ContactPreference(null, List.of(new NotificationRule("email", 0),
                new NotificationRule("webhook", 5)));

        List<Planned> plan = NotificationRules.plan(NO_EMAIL, Optional.of(rules), WEBHOOK_AND_EMAIL);

        assertThat(plan.get(0).skipReason()).isEqualTo("no email address known for bob");
        assertThat(plan.get(1).deliverable()).isTrue();
    }

    @Test
    void anAddressSetThroughTheApiWinsOverTheMemberFacts() {
        ContactPreference rules = new ContactPreference(new ContactMethods("pager@alice.example", null, null),
                List.of(new NotificationRule("email", 0)));

        Planned planned = NotificationRules.plan(ALICE, Optional.of(rules), WEBHOOK_AND_EMAIL).get(0);

        assertThat(planned.recipient().email()).isEqualTo("pager@alice.example");
        assertThat(planned.recipient().slackUserId()).isEqualTo("U1");
    }

    @Test
    void givenTheWebhookOptedOutAndNothingElseKnown_thenThePageStillGoesOnTheWebhook() {
        assertThat(NotificationRules.plan(NO_EMAIL, Optional.of(new ContactPreference(
                new ContactMethods(null, null, false), List.of())), WEBHOOK_AND_EMAIL))
                .containsExactly(new Planned("webhook", 0, NO_EMAIL, null));
    }

    @Test
    void refusesUnknownMethodsNegativeOrHugeDelaysDuplicatesAndNoRules() {
        assertThatThrownBy(() -> NotificationRules.validate(new ContactPreference(null,
                List.of(new NotificationRule("pager", 0))))).hasMessageContaining("webhook, email, slack");
        assertThatThrownBy(() -> NotificationRules.validate(new ContactPreference(null,
                List.of(new NotificationRule("email", -1))))).hasMessageContaining("afterMinutes");
        assertThatThrownBy(() -> NotificationRules.validate(new ContactPreference(null,
                List.of(new NotificationRule("email", 24 * 60 + 1))))).hasMessageContaining("afterMinutes");
        assertThatThrownBy(() -> NotificationRules.validate(new ContactPreference(null,
                List.of(new NotificationRule("email", 2), new NotificationRule("email", 2)))))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> NotificationRules.validate(new ContactPreference(null, List.of())))
                .hasMessageContaining("at least one rule");
        assertThatThrownBy(() -> NotificationRules.validate(new ContactPreference(
                new ContactMethods("not-an-address", null, null), List.of(new NotificationRule("email", 0)))))
                .hasMessageContaining("not an address");
    }
}

package io.commandpost.notification.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnswerTextTest {

    @Test
    void aMessageQuestionIsAnsweredInItsThreadAndASlashCommandQuestionInItsChannel() {
        assertThat(SlackThread.parse("C0PAY/1700000000.000100"))
                .contains(new SlackThread("C0PAY", "1700000000.000100"));
        assertThat(SlackThread.parse("C0PAY")).contains(new SlackThread("C0PAY", null));
        assertThat(SlackThread.parse("C0PAY/")).contains(new SlackThread("C0PAY", null));
        assertThat(SlackThread.parse("/1700000000.000100")).isEmpty();
        assertThat(SlackThread.parse(" ")).isEmpty();
        assertThat(SlackThread.parse(null)).isEmpty();
    }

    @Test
    void inTheThreadTheAnswerStandsAloneEscapedForSlack() {
        assertThat(AnswerText.of(new SlackThread("C1", "1.2"), "U9", "VPN?", "Bob", "yes <b> & back at 10"))
                .isEqualTo("*Answer from Bob (MRO):* yes &lt;b&gt; &amp; back at 10");
    }

    @Test
    void inTheChannelTheAnswerMentionsTheAskerAndQuotesTheQuestion() {
        assertThat(AnswerText.of(new SlackThread("C1", null), "U9", "Is the\nVPN down?", "Bob", "No, DNS."))
                .isEqualTo("<@U9> you asked: _Is the VPN down?_\n*Answer from Bob (MRO):* No, DNS.");
        assertThat(AnswerText.of(new SlackThread("C1", null), null, null, "bob", "No."))
                .isEqualTo("*Answer from bob (MRO):* No.");
    }

    @Test
    void aSlashCommandQuestionIsPostedMentioningItsAskerAndQuotedLineByLine() {
        assertThat(AnswerText.question("U9", "Is the VPN down?\nSince <9:00>"))
                .isEqualTo("<@U9> asked the MRO:\n>Is the VPN down?\n>Since &lt;9:00&gt;");
        assertThat(AnswerText.question(null, "VPN?")).isEqualTo("Someone asked the MRO:\n>VPN?");
    }
}

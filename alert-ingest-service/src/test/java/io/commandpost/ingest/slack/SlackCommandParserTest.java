package io.commandpost.ingest.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.commandpost.ingest.slack.SlackCommandLine.Person;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlackCommandParserTest {

    @Test
    void mroWhoAsksWhoIsOnCallAndAnythingElseIsAQuestion() {
        assertThat(SlackCommandParser.parse("/mro", " WHO ")).isEqualTo(new SlackCommandLine.WhoIsOnCall());
        assertThat(SlackCommandParser.parse("/mro", "who deployed the api?"))
                .isEqualTo(new SlackCommandLine.AskMro("who deployed the api?"));
        assertThat(SlackCommandParser.parse("/mro", "  ")).isEqualTo(new SlackCommandLine.Usage(
                "Usage: /mro <your question for the MRO>, or /mro who"));
    }

    @Test
    void declareTakesATitleAndAnOptionalTrailingSeverity() {
        assertThat(SlackCommandParser.parse("/incident", "declare Checkout errors on EU sev2"))
                .isEqualTo(new SlackCommandLine.DeclareIncident("Checkout errors on EU", "SEV2"));
        assertThat(SlackCommandParser.parse("/incident", "Declare Checkout errors"))
                .isEqualTo(new SlackCommandLine.DeclareIncident("Checkout errors", null));
        assertThat(SlackCommandParser.parse("/incident", "declare SEV1"))
                .isInstanceOf(SlackCommandLine.Usage.class);
        assertThat(SlackCommandParser.parse("/incident", "declare sev5 outage"))
                .isEqualTo(new SlackCommandLine.DeclareIncident("sev5 outage", null));
    }

    @Test
    void peopleAreSlackMentionsEscapedOrNotOrHandles() {
        assertThat(SlackCommandParser.parse("/incident", "ic <@U024BE7LH|ana>"))
                .isEqualTo(new SlackCommandLine.HandOffCommand(Person.slack("U024BE7LH")));
        assertThat(SlackCommandParser.parse("/incident", "ic <@W024BE7LH>"))
                .isEqualTo(new SlackCommandLine.HandOffCommand(Person.slack("W024BE7LH")));
        assertThat(SlackCommandParser.parse("/incident", "ic @ana.k"))
                .isEqualTo(new SlackCommandLine.HandOffCommand(Person.handle("ana.k")));
        assertThat(SlackCommandParser.parse("/incident", "task <@U1|ben> restart the consumers now"))
                .isEqualTo(new SlackCommandLine.DelegateTask(Person.slack("U1"), "restart the consumers now"));
    }

    @Test
    void updateAndResolveCarryTheirText() {
        assertThat(SlackCommandParser.parse("/incident", "update  rollback running, errors falling "))
                .isEqualTo(new SlackCommandLine.PostUpdate("rollback running, errors falling"));
        assertThat(SlackCommandParser.parse("/incident", "resolve"))
                .isEqualTo(new SlackCommandLine.ResolveIncident(null));
        assertThat(SlackCommandParser.parse("/incident", "resolve bad deploy rolled back"))
                .isEqualTo(new SlackCommandLine.ResolveIncident("bad deploy rolled back"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''", "launch", "ic", "ic ana", "ic @ana @ben", "task @ana", "task ana fix it", "update", "declare"})
    void anythingElseIsAnsweredWithTheUsage(String text) {
        SlackCommandLine parsed = SlackCommandParser.parse("/incident", text);
        assertThat(parsed).isInstanceOf(SlackCommandLine.Usage.class);
        assertThat(((SlackCommandLine.Usage) parsed).text()).contains(SlackCommandParser.INCIDENT_USAGE);
    }
}

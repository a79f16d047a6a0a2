package io.commandpost.ingest.slack;

/** What a person asked for with a slash command, as {@link SlackCommandParser} read it. */
public sealed interface SlackCommandLine {

    /** A person named in a command: a Slack mention ({@code <@U123|name>}) or a CommandPost handle ({@code @ana}). */
    record Person(String slackUserId, String handle) {
        public static Person slack(String userId) {
            return new Person(userId, null);
        }

        public static Person handle(String handle) {
            return new Person(null, handle);
        }
    }

    /** {@code /mro <question>}. */
    record AskMro(String question) implements SlackCommandLine {
    }

    /** {@code /mro who}. */
    record WhoIsOnCall() implements SlackCommandLine {
    }

    /** {@code /incident declare <title> [sev1..sev4]}; severity null for the installation's default. */
    record DeclareIncident(String title, String severity) implements SlackCommandLine {
    }

    /** {@code /incident ic @person}: hand off command. */
    record HandOffCommand(Person to) implements SlackCommandLine {
    }

    /** {@code /incident task @person <title>}. */
    record DelegateTask(Person assignee, String title) implements SlackCommandLine {
    }

    /** {@code /incident update <text>}: an internal status update. */
    record PostUpdate(String text) implements SlackCommandLine {
    }

    /** {@code /incident resolve [summary]}. */
    record ResolveIncident(String summary) implements SlackCommandLine {
    }

    /** Not understood: answered ephemerally with this text. */
    record Usage(String text) implements SlackCommandLine {
    }
}

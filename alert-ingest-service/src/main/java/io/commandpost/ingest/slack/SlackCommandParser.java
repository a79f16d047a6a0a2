package io.commandpost.ingest.slack;

import io.commandpost.ingest.slack.SlackCommandLine.Person;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a slash command's {@code command} and {@code text} (ADR 0021). Pure, no I/O. {@code /incident} takes
 * {@code declare}, {@code ic}, {@code task}, {@code update} and {@code resolve}; every other command (the app's
 * {@code /mro}) takes {@code who} or a question. Anything else is a {@link SlackCommandLine.Usage}.
 */
public final class SlackCommandParser {

    public static final String INCIDENT = "/incident";
    public static final String INCIDENT_USAGE = "Usage: /incident declare <title> [sev1..sev4] · /incident ic @person"
            + " · /incident task @person <title> · /incident update <text> · /incident resolve [summary]";

    /** {@code <@U123>} or {@code <@U123|name>} (Slack escapes mentions so), or {@code @handle}. */
    private static final Pattern MENTION = Pattern.compile("<@([UW][A-Z0-9]+)(?:\\|[^>]*)?>");
    private static final Pattern HANDLE = Pattern.compile("@([A-Za-z0-9._-]+)");
    private static final Pattern SEVERITY = Pattern.compile("(?i)sev([1-4])");

    private SlackCommandParser() {
    }

    public static SlackCommandLine parse(String command, String text) {
        String line = text == null ? "" : text.strip();
        if (INCIDENT.equals(command)) {
            return incident(line);
        }
        String name = command == null || command.isBlank() ? "/mro" : command;
        if (line.isEmpty()) {
            return new SlackCommandLine.Usage("Usage: " + name + " <your question for the MRO>, or " + name + " who");
        }
        if (line.equalsIgnoreCase("who")) {
            return new SlackCommandLine.WhoIsOnCall();
        }
        return new SlackCommandLine.AskMro(line);
    }

    private static SlackCommandLine incident(String line) {
        String[] verbAndRest = line.split("\\s+", 2);
        String verb = verbAndRest[0].toLowerCase(Locale.ROOT);
        String rest = verbAndRest.length > 1 ? verbAndRest[1].strip() : "";
        switch (verb) {
            case "declare": {
                String[] words = rest.split("\\s+");
                String last = words[words.length - 1];
                Matcher severity = SEVERITY.matcher(last);
                if (severity.matches()) {
                    String title = rest.substring(0, rest.length() - last.length()).strip();
                    return title.isEmpty() ? usage("a title")
                            : new SlackCommandLine.DeclareIncident(title, "SEV" + severity.group(1));
                }
                return rest.isEmpty() ? usage("a title") : new SlackCommandLine.DeclareIncident(rest, null);
            }
            case "ic": {
                Optional<Person> to = person(rest);
                return to.isPresent() && rest.split("\\s+").length == 1 ? new SlackCommandLine.HandOffCommand(to.get())
                        : usage("one person, e.g. /incident ic @ana");
            }
            case "task": {
                String[] personAndTitle = rest.split("\\s+", 2);
                Optional<Person> assignee = person(personAndTitle[0]);
                if (assignee.isEmpty() || personAndTitle.length < 2 || personAndTitle[1].isBlank()) {
                    return usage("a person and a title, e.g. /incident task @ana restart the consumers");
                }
                return new SlackCommandLine.DelegateTask(assignee.get(), personAndTitle[1].strip());
            }
            case "update":
                return rest.isEmpty() ? usage("the update's text") : new SlackCommandLine.PostUpdate(rest);
            case "resolve":
                return new SlackCommandLine.ResolveIncident(rest.isEmpty() ? null : rest);
            default:
                return new SlackCommandLine.Usage(INCIDENT_USAGE);
        }
    }

    static Optional<Person> person(String word) {
        Matcher mention = MENTION.matcher(word);
        if (mention.matches()) {
            return Optional.of(Person.slack(mention.group(1)));
        }
        Matcher handle = HANDLE.matcher(word);
        return handle.matches() ? Optional.of(Person.handle(handle.group(1))) : Optional.empty();
    }

    private static SlackCommandLine usage(String needs) {
        return new SlackCommandLine.Usage("That needs " + needs + ". " + INCIDENT_USAGE);
    }
}

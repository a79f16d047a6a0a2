package io.commandpost.incident.question;

import java.time.Instant;

/** What the MRO does with a question in the queue; {@code by} is who acts. */
public sealed interface QuestionCommand {

    String by();

    record Claim(String by) implements QuestionCommand {
    }

    record Answer(String answer, String by) implements QuestionCommand {
    }

    record Close(String reason, String by) implements QuestionCommand {
    }

    record Snooze(Instant until, String reason, String by) implements QuestionCommand {
    }
}

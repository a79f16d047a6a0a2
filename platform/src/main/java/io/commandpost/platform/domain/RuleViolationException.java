package io.commandpost.platform.domain;

/**
 * A command that breaks a domain rule in the current state (an IC given a task, an overlapping leave):
 * 409 over HTTP. When the rule lies in one field of the command, {@code field} names it.
 */
public class RuleViolationException extends RuntimeException {

    private final String field;

    public RuleViolationException(String message) {
        this(null, message);
    }

    public RuleViolationException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The command field at fault ({@code members[0].handle}), null when it is the command as a whole. */
    public String field() {
        return field;
    }
}

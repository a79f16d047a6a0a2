package io.commandpost.platform.http;

/**
 * A command that breaks a domain rule in the current state (an IC given a task …): 409. When the
 * conflict lies in one field of the request (an overlapping period), {@code pointer} names it.
 *
 * @deprecated a pure core throws {@link io.commandpost.platform.domain.RuleViolationException} (a field
 * name, not a JSON pointer); this HTTP-flavoured twin stays until the services that use it move.
 */
@Deprecated
public class DomainRuleException extends RuntimeException {

    private final String pointer;

    public DomainRuleException(String message) {
        this(null, message);
    }

    public DomainRuleException(String pointer, String message) {
        super(message);
        this.pointer = pointer;
    }

    /** The JSON pointer of the conflicting field, null when the conflict is the request as a whole. */
    public String pointer() {
        return pointer;
    }
}

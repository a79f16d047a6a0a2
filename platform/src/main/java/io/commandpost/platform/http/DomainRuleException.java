package io.commandpost.platform.http;

/** A command that breaks a domain rule in the current state (an IC given a task …): 409. */
public class DomainRuleException extends RuntimeException {

    public DomainRuleException(String message) {
        super(message);
    }
}

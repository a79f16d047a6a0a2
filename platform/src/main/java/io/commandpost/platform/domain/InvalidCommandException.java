package io.commandpost.platform.domain;

/**
 * A command that can never be valid, whatever the state (a blank handle, an unknown time zone): 400 over
 * HTTP, naming the field at fault.
 */
public class InvalidCommandException extends RuntimeException {

    private final String field;

    public InvalidCommandException(String field, String message) {
        super(message);
        this.field = field;
    }

    /**
     * The command field at fault, as a path of names and indexes: {@code timeZone}, {@code members[0].handle}
     * (the HTTP adapter turns it into the JSON pointer {@code /members/0/handle}).
     */
    public String field() {
        return field;
    }
}

package io.commandpost.platform.domain;

/** Something a command or a query names does not exist: 404 over HTTP. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }

    /** {@code no <what> <id>}. */
    public static NotFoundException of(String what, Object id) {
        return new NotFoundException("no " + what + " " + id);
    }
}

package io.commandpost.rotation;

/**
 * A team, handover or calendar the caller named does not exist. A domain exception: the HTTP
 * adapter ({@link NoSuchEntityMapper}) turns it into a 404 problem.
 */
public class NoSuchEntityException extends RuntimeException {

    public NoSuchEntityException(String detail) {
        super(detail);
    }

    public static NoSuchEntityException team(String teamId) {
        return new NoSuchEntityException("no team " + teamId);
    }
}

package io.commandpost.ingest.intake;

import io.commandpost.platform.http.InvalidInputException;
import io.commandpost.platform.http.Problem;

/** A webhook body that can never be accepted as it is: a 400 naming the field, and a copy on the quarantine topic. */
public class RejectedBodyException extends InvalidInputException {

    public RejectedBodyException(Problem problem) {
        super(problem);
    }

    public static RejectedBodyException field(String pointer, String detail) {
        return new RejectedBodyException(Problem.invalidField(pointer, detail));
    }
}

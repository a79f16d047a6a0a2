package io.commandpost.platform.http;

/** Input that can never be valid, whatever the state: a 400 naming the fields. */
public class InvalidInputException extends RuntimeException {

    private final transient Problem problem;

    public InvalidInputException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public static InvalidInputException field(String pointer, String detail) {
        return new InvalidInputException(Problem.invalidField(pointer, detail));
    }

    public Problem problem() {
        return problem;
    }
}

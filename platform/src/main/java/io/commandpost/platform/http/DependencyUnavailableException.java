package io.commandpost.platform.http;

/**
 * A dependency (the database, the broker) did not answer in time: the request is answered 503 +
 * {@code Retry-After}, never 500, since a retry later will likely work.
 */
public class DependencyUnavailableException extends RuntimeException {

    private final String dependency;

    public DependencyUnavailableException(String dependency, Throwable cause) {
        super(dependency + " is not answering", cause);
        this.dependency = dependency;
    }

    public String dependency() {
        return dependency;
    }
}

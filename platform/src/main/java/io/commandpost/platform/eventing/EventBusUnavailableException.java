package io.commandpost.platform.eventing;

/** The broker did not acknowledge in time: nothing may be reported as accepted. HTTP answers 503. */
public class EventBusUnavailableException extends RuntimeException {

    public EventBusUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

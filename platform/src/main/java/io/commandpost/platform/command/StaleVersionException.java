package io.commandpost.platform.command;

/**
 * The caller decided on a version it saw, and the stream is no longer there (a stale {@code If-Match}):
 * 412 over HTTP. Nothing was decided.
 */
public class StaleVersionException extends RuntimeException {

    private final String streamType;
    private final String streamId;
    private final long actualVersion;

    public StaleVersionException(String streamType, String streamId, Expected expected, long actualVersion) {
        super(streamType + " " + streamId + " is at version " + actualVersion + ", not " + expected.description());
        this.streamType = streamType;
        this.streamId = streamId;
        this.actualVersion = actualVersion;
    }

    public String streamType() {
        return streamType;
    }

    public String streamId() {
        return streamId;
    }

    public long actualVersion() {
        return actualVersion;
    }
}

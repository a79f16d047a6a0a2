package io.commandpost.platform.http;

import io.commandpost.platform.command.Expected;
import jakarta.ws.rs.core.EntityTag;

/**
 * The {@code If-Match} precondition on a resource whose ETag is its version (RFC 9110 13.1.1): strong
 * comparison, so a weak tag never matches; {@code *} or no header matches any version.
 *
 * @param header the request's If-Match, null when absent
 */
public record IfMatch(String header) {

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    public boolean matches(long version) {
        if (header == null || header.isBlank()) {
            return true;
        }
        for (String tag : header.split(",")) {
            String trimmed = tag.trim();
            if (trimmed.equals("*") || trimmed.equals("\"" + version + "\"")) {
                return true;
            }
        }
        return false;
    }

    /** The versions this precondition accepts, for the command handler (a mismatch there answers 412). */
    public Expected expected() {
        return header == null || header.isBlank() ? Expected.ANY : new Expected("If-Match " + header, this::matches);
    }

    /** 412 problem+json unless {@link #matches}: {@code what} names the resource in the answer. */
    public void require(String what, long version) {
        if (!matches(version)) {
            throw Problem.of(412, "Precondition Failed", what + " is at ETag \"" + version + "\", not " + header)
                    .exception();
        }
    }
}

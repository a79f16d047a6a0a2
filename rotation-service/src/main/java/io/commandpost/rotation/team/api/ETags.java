package io.commandpost.rotation.team.api;

import io.commandpost.platform.eventing.ConcurrencyConflictException;
import jakarta.ws.rs.core.EntityTag;

/** Stream versions as strong ETags, and the {@code If-Match} check of every mutating endpoint. */
public final class ETags {

    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * Throws (412) when {@code ifMatch} is given and is not the current version; {@code *} and an
     * absent header match anything.
     */
    public static void requireMatch(String ifMatch, String streamId, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return;
        }
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.replace("\"", "").equals(Long.toString(currentVersion))) {
                return;
            }
        }
        throw new ConcurrencyConflictException(streamId, parseOr(ifMatch), currentVersion);
    }

    private static long parseOr(String ifMatch) {
        try {
            return Long.parseLong(ifMatch.split(",")[0].replace("W/", "").replace("\"", "").trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}

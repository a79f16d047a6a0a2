package io.commandpost.notification.digest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where a person opens a digest item: incident-service's API under {@code base} (the team queue's item, or the
 * incident). Pure.
 */
public record DigestLinks(String base) {

    public DigestLinks {
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public String link(String team, String kind, String id) {
        if (DigestItem.INCIDENT.equals(kind)) {
            return base + "/v1/incidents/" + encode(id);
        }
        return base + "/v1/teams/" + encode(team) + "/queue/" + kind + "/" + encode(id);
    }

    /** The team's whole queue. */
    public String queue(String team) {
        return base + "/v1/teams/" + encode(team) + "/queue";
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

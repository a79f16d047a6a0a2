package io.commandpost.console.proxy;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which service owns a public API path. The most specific prefix wins: {@code /v1/teams/{team}/queue} is the
 * incident-service's although every other {@code /v1/teams/...} path is the rotation-service's.
 * Operations paths ({@code /admin}, {@code /q}) are not routed: they stay on each service's own address.
 */
public final class ApiRoutes {

    /** The services behind the console. */
    public enum Owner { INGEST, ROTATION, INCIDENT, NOTIFICATION }

    private record Rule(Pattern prefix, Owner owner) {
    }

    private static final String TEAM = "/v1/teams/[^/]+";

    // most specific first
    private static final List<Rule> RULES = List.of(
            rule(TEAM + "/queue", Owner.INCIDENT),
            rule(TEAM + "/questions", Owner.INCIDENT),
            rule(TEAM + "/incidents", Owner.INCIDENT),
            rule(TEAM + "/experts", Owner.INCIDENT),
            rule(TEAM + "/members/[^/]+/contact", Owner.NOTIFICATION),
            rule(TEAM + "/on-duty", Owner.NOTIFICATION),
            rule(TEAM + "/alerts", Owner.NOTIFICATION),
            rule(TEAM + "/paging-policy", Owner.NOTIFICATION),
            rule(TEAM + "/channels", Owner.NOTIFICATION),
            rule(TEAM + "/slack", Owner.NOTIFICATION),
            rule("/v1/slack", Owner.NOTIFICATION),
            rule("/v1/teams", Owner.ROTATION),
            rule("/v1/calendars", Owner.ROTATION),
            rule("/v1/incidents", Owner.INCIDENT),
            rule("/v1/notifications", Owner.NOTIFICATION),
            rule("/v1/integrations", Owner.INGEST),
            rule("/v1/webhooks", Owner.INGEST),
            rule("/v1/questions", Owner.INGEST),
            rule("/v2", Owner.INGEST));

    private ApiRoutes() {
    }

    /** The owner of the path (without query string), or empty when the console does not route it. */
    public static Optional<Owner> ownerOf(String path) {
        if (path == null || path.contains("/../") || path.endsWith("/..")) {
            return Optional.empty();
        }
        return RULES.stream().filter(rule -> rule.prefix().matcher(path).lookingAt()).map(Rule::owner).findFirst();
    }

    private static Rule rule(String prefix, Owner owner) {
        // a whole path segment: /v1/teamsX is not /v1/teams
        return new Rule(Pattern.compile("^" + prefix + "(?=/|$)"), owner);
    }
}

package io.commandpost.platform.security;

import java.util.List;
import java.util.Set;

/**
 * The roles of CommandPost. Each role includes the ones below it: {@code admin} (teams, integrations, policies)
 * can do what a {@code responder} (acts on alerts, questions, incidents) can, who can do what a {@code viewer}
 * (reads) can. {@code service} is a tool acting for people (a Slack bridge): a responder that may name the
 * person it acts for in {@value #ON_BEHALF_OF}.
 */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String RESPONDER = "responder";
    public static final String VIEWER = "viewer";
    public static final String SERVICE = "service";

    /** The header through which a {@code service} key names the person it acts for. */
    public static final String ON_BEHALF_OF = "X-CommandPost-On-Behalf-Of";

    public static final List<String> ALL = List.of(ADMIN, RESPONDER, VIEWER, SERVICE);

    private Roles() {
    }

    /** A role and every role it includes; an unknown role includes nothing. */
    public static Set<String> implied(String role) {
        return switch (role) {
            case ADMIN -> Set.of(ADMIN, RESPONDER, VIEWER);
            case SERVICE -> Set.of(SERVICE, RESPONDER, VIEWER);
            case RESPONDER -> Set.of(RESPONDER, VIEWER);
            case VIEWER -> Set.of(VIEWER);
            default -> Set.of();
        };
    }
}

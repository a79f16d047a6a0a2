package io.commandpost.infra.test;

import io.smallrye.jwt.build.Jwt;
import java.time.Duration;
import java.util.Set;

/**
 * People's bearer tokens for tests, signed the way the console signs local accounts (issuer
 * {@value #ISSUER}, roles in {@code groups}, the handle in {@code preferred_username}) with a key that exists
 * only for tests. {@link LocalInfraResource} makes every service under test verify them
 * ({@code quarkus.oidc.public-key}).
 */
public final class TestTokens {

    public static final String ISSUER = "commandpost-local";

    /** The public half of {@code commandpost-test-signing-key.pem}; never configured outside tests. */
    public static final String PUBLIC_KEY = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA2cb9UDxReWU4x7Sqy+REKn/M8xZxW8IuvxcmuOAdyAM85I40U/f/lImYf/dh8kUXQ8oqYc7g02ZSe+IByyfw9zzPBARRQGFnk4lMOshJHTYGSi/tMU2SdUFkudEUqZVpkhKYpuAb9VYIu75iTTiq8i/no7MkAdfzN6rZdKPBKMyA7Nu1Ej1ICaSv++zkynqMyz4sSZqxL1f6KhLcKNYTdA6CTP+gECTnSYgCPQv7J6AfEi9W0ih6vmgA3VUSBatUJMnPJmPnxfnihMO+3EgrxQAnOy3qrAqodHSAydSPikmMzLsPxs4ejhoav0x/cn0K+BAOxn34S+KqMbSLbs5VcwIDAQAB";

    private static final String SIGNING_KEY = "commandpost-test-signing-key.pem";

    private TestTokens() {
    }

    /** A token of {@code handle} with these roles (admin, responder, viewer). */
    public static String person(String handle, String... roles) {
        return Jwt.issuer(ISSUER).subject("sub-" + handle).preferredUserName(handle).groups(Set.of(roles))
                .expiresIn(Duration.ofMinutes(30)).sign(SIGNING_KEY);
    }

    /** {@code Authorization} header value for {@link #person}. */
    public static String bearer(String handle, String... roles) {
        return "Bearer " + person(handle, roles);
    }

    /** A token with no {@code preferred_username}: the subject is the handle. */
    public static String withoutUsername(String subject, String... roles) {
        return Jwt.issuer(ISSUER).subject(subject).groups(Set.of(roles)).expiresIn(Duration.ofMinutes(30))
                .sign(SIGNING_KEY);
    }

    /** A token from an issuer the services do not trust. */
    public static String issuedBy(String issuer, String handle, String... roles) {
        return Jwt.issuer(issuer).subject(handle).preferredUserName(handle).groups(Set.of(roles))
                .expiresIn(Duration.ofMinutes(30)).sign(SIGNING_KEY);
    }
}

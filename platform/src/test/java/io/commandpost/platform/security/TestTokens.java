package io.commandpost.platform.security;

import io.smallrye.jwt.build.Jwt;
import java.time.Duration;
import java.util.Set;

/** People's bearer tokens as the console signs them locally: issuer commandpost-local, roles in {@code groups}. */
public final class TestTokens {

    private TestTokens() {
    }

    public static String person(String handle, String... roles) {
        return Jwt.issuer("commandpost-local").subject("sub-" + handle).preferredUserName(handle)
                .groups(Set.of(roles)).expiresIn(Duration.ofMinutes(10)).sign("test-signing-key.pem");
    }

    public static String withoutUsername(String subject, String... roles) {
        return Jwt.issuer("commandpost-local").subject(subject).groups(Set.of(roles))
                .expiresIn(Duration.ofMinutes(10)).sign("test-signing-key.pem");
    }

    public static String issuedBy(String issuer, String handle, String... roles) {
        return Jwt.issuer(issuer).subject(handle).preferredUserName(handle).groups(Set.of(roles))
                .expiresIn(Duration.ofMinutes(10)).sign("test-signing-key.pem");
    }
}

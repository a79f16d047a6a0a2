package io.commandpost.console.signin;

import io.commandpost.console.config.ConsoleConfig;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Issues the embedded default's credential: an RS256 JWT (issuer {@code commandpost-local},
 * {@code preferred_username} = the member's handle, {@code groups} = roles), signed with the key in
 * {@code COMMANDPOST_CONSOLE_SIGNING_KEY}; the services verify it with the public key the run command gives them.
 */
@ApplicationScoped
public class SessionTokens {

    public static final String ISSUER = "commandpost-local";
    public static final String COOKIE = "commandpost_session";

    private final ConsoleConfig config;

    SessionTokens(ConsoleConfig config) {
        this.config = config;
    }

    public String issue(LocalAccounts.Account account) {
        return Jwt.issuer(ISSUER)
                .subject(account.handle())
                .upn(account.handle())
                .preferredUserName(account.handle())
                .groups(account.roles())
                .expiresIn(config.sessionLength())
                .sign();
    }

    public long maxAgeSeconds() {
        return config.sessionLength().toSeconds();
    }
}

package io.commandpost.console.signin;

import io.commandpost.console.config.ConsoleConfig;
import io.quarkus.vertx.http.security.HttpSecurity;
import jakarta.enterprise.event.Observes;

/**
 * With an identity provider configured, its authorization-code flow runs on two paths of the console and no other:
 * {@code /sign-in/oidc} (where a visitor is sent to it, and where it sends them back with the code) and
 * {@code /sign-out/oidc} (where the session ends, at the provider too). Every other page keeps its lazy
 * authentication and sends a visitor who is not signed in to the first (ADR 0029). Without an identity provider these
 * paths are plain pages that lead to the local sign-in.
 */
public class IdentityProviderPaths {

    void secure(@Observes HttpSecurity security, ConsoleConfig config) {
        if (config.signsInThroughIdentityProvider()) {
            security.path(SignInResource.IDENTITY_PROVIDER_SIGN_IN, SignInResource.IDENTITY_PROVIDER_SIGN_OUT)
                    .authorizationCodeFlow().authenticated();
        }
    }
}

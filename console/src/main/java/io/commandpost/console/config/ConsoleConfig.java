package io.commandpost.console.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The console's settings ({@code commandpost.console.*}). */
@ConfigMapping(prefix = "commandpost.console")
public interface ConsoleConfig {

    /** The teams the today page offers. */
    @WithDefault("demo")
    List<String> teams();

    /** Where the services are: the proxy and the pages call them there. */
    Services services();

    /** How long a signed-in session (the console's JWT) lasts. */
    @WithDefault("1h")
    Duration sessionLength();

    /**
     * The company's identity provider ({@code COMMANDPOST_OIDC_AUTH_SERVER_URL}): set, people sign in through it
     * (authorization-code flow); empty, with the local accounts.
     */
    Optional<URI> identityProvider();

    /** Whether people sign in through the company's identity provider rather than with local accounts. */
    default boolean signsInThroughIdentityProvider() {
        return identityProvider().isPresent();
    }

    /**
     * Local accounts of the embedded default, NOT FOR PRODUCTION: {@code handle:password:role+role}, comma-separated.
     * Empty: nobody can sign in locally.
     */
    Optional<List<String>> localAccounts();

    /** How often an open view asks the services whether what it shows changed. */
    @WithDefault("2s")
    Duration livePollEvery();

    interface Services {
        URI ingest();

        URI rotation();

        URI incident();

        URI notification();

    }
}

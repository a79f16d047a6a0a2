package io.commandpost.console.services;

import io.commandpost.console.signin.CurrentUser;
import io.commandpost.console.config.ConsoleConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * What the console sends as {@code Authorization} when it calls a service for a person. The contract: the
 * person's own token. Until every service verifies those tokens, the run command also gives the console a
 * service API key ({@code commandpost.console.services.api-key}), sent instead, with the person named in the
 * request as the services expect today. Remove this class's API-key branch when the services verify tokens.
 */
@ApplicationScoped
public class ServiceCredentials {

    private final Optional<String> apiKey;

    ServiceCredentials(ConsoleConfig config) {
        this.apiKey = config.services().apiKey().filter(key -> !key.isBlank());
    }

    public String authorization(CurrentUser user) {
        return "Bearer " + apiKey.orElseGet(user::rawToken);
    }
}

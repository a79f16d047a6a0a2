package io.commandpost.console.services;

import io.commandpost.console.signin.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;

/** What the console sends as {@code Authorization} when it calls a service for a person: the person's own token. */
@ApplicationScoped
public class ServiceCredentials {

    public String authorization(CurrentUser user) {
        return "Bearer " + user.rawToken();
    }
}

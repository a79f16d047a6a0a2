package io.commandpost.ingest.webhook;

import io.commandpost.ingest.integration.Integration;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/** The integration that authenticated the current webhook request. */
@RequestScoped
public class CurrentIntegration {

    private Integration integration;

    /** The integration recognised by the token filter, or by a resource that reads its token itself. */
    public void set(Integration integration) {
        this.integration = integration;
    }

    /** The integration, when one authenticated this request (not when its token was refused). */
    public Optional<Integration> find() {
        return Optional.ofNullable(integration);
    }

    public Integration get() {
        if (integration == null) {
            throw new IllegalStateException("no integration authenticated this request");
        }
        return integration;
    }
}

package io.commandpost.ingest.webhook;

import io.commandpost.ingest.integration.Integration;
import jakarta.enterprise.context.RequestScoped;

/** The integration that authenticated the current webhook request. */
@RequestScoped
public class CurrentIntegration {

    private Integration integration;

    void set(Integration integration) {
        this.integration = integration;
    }

    public Integration get() {
        if (integration == null) {
            throw new IllegalStateException("no integration authenticated this request");
        }
        return integration;
    }
}

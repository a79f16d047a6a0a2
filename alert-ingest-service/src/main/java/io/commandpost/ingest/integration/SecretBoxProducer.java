package io.commandpost.ingest.integration;

import io.commandpost.ingest.intake.IngestConfig;
import io.commandpost.platform.security.SecretBox;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The box that seals integration secrets, under {@code commandpost.ingest.secret-key}. */
class SecretBoxProducer {

    @Produces
    @Singleton
    SecretBox secretBox(IngestConfig config) {
        return new SecretBox(config.secretKey(), "commandpost.ingest.secret-key");
    }
}

package io.commandpost.notification.slack;

import io.commandpost.platform.security.SecretBox;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The box that seals Slack credentials, under {@code commandpost.secrets.key}. */
class SecretBoxProducer {

    @Produces
    @Singleton
    SecretBox secretBox(SecretsConfig config) {
        return new SecretBox(config.key(), "commandpost.secrets.key");
    }
}

package io.commandpost.notification.slack;

import io.smallrye.config.ConfigMapping;

/** The key that encrypts stored credentials ({@code commandpost.secrets.key}; production sets it from the environment). */
@ConfigMapping(prefix = "commandpost.secrets")
public interface SecretsConfig {

    /** Any string; the AES-256 key is its SHA-256. Changing it makes stored credentials unreadable. */
    String key();
}

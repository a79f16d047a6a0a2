package io.commandpost.platform.security;

import io.commandpost.platform.config.PlatformConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/** The configured service API keys ({@code commandpost.auth.api-keys}); a presented key is compared in constant time. */
@ApplicationScoped
public class ApiKeys {

    private final List<ApiKey> keys;

    ApiKeys(PlatformConfig config) {
        this.keys = ApiKey.parseAll(config.auth().apiKeys());
    }

    /** The key whose secret is {@code token}; every key is compared, so a miss costs as much as a hit. */
    public Optional<ApiKey> find(String token) {
        if (token == null) {
            return Optional.empty();
        }
        byte[] presented = token.getBytes(StandardCharsets.UTF_8);
        ApiKey found = null;
        for (ApiKey key : keys) {
            if (MessageDigest.isEqual(key.secret(), presented)) {
                found = key;
            }
        }
        return Optional.ofNullable(found);
    }
}

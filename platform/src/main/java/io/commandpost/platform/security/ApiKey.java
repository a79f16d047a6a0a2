package io.commandpost.platform.security;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * A service API key: who acts when it is presented ({@code name}) and with which role. Configured as
 * {@code name:role:secret}; a plain {@code secret} (the older form) is role {@code admin} named {@code api-key}.
 */
public record ApiKey(String name, String role, byte[] secret) {

    public static final String DEFAULT_NAME = "api-key";

    public ApiKey {
        if (!Roles.ALL.contains(role)) {
            throw new IllegalArgumentException("API key '" + name + "' has unknown role '" + role + "'; one of "
                    + Roles.ALL);
        }
    }

    /** Parses one configured entry. */
    public static ApiKey parse(String entry) {
        String trimmed = entry.trim();
        String[] parts = trimmed.split(":", 3);
        if (parts.length == 3 && !parts[0].isBlank() && Roles.ALL.contains(parts[1].toLowerCase(Locale.ROOT))
                && !parts[2].isBlank()) {
            return new ApiKey(parts[0], parts[1].toLowerCase(Locale.ROOT), bytes(parts[2]));
        }
        if (parts.length == 3 && parts[2].isBlank()) {
            throw new IllegalArgumentException("API key '" + parts[0] + "' has an empty secret");
        }
        return new ApiKey(DEFAULT_NAME, Roles.ADMIN, bytes(trimmed));
    }

    public static List<ApiKey> parseAll(List<String> entries) {
        return entries.stream().filter(entry -> !entry.isBlank()).map(ApiKey::parse).toList();
    }

    private static byte[] bytes(String secret) {
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "ApiKey[" + name + ", " + role + "]";
    }
}

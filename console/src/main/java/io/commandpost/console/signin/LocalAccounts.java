package io.commandpost.console.signin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The embedded default's accounts (NOT FOR PRODUCTION): a handle, a password the run command generated and
 * printed, and roles. Production signs people in through the company's identity provider instead.
 */
public final class LocalAccounts {

    /** The roles a credential can carry. */
    public static final Set<String> ROLES = Set.of("admin", "responder", "viewer");

    public record Account(String handle, String password, Set<String> roles) {
        @Override
        public String toString() {
            return "Account[" + handle + ", roles=" + roles + "]"; // never the password
        }
    }

    private final Map<String, Account> byHandle;

    private LocalAccounts(Map<String, Account> byHandle) {
        this.byHandle = byHandle;
    }

    /** Entries {@code handle:password:role+role}; an entry that does not parse is refused with its position. */
    public static LocalAccounts parse(List<String> entries) {
        Map<String, Account> accounts = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            String[] parts = entries.get(i).trim().split(":", 3);
            if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new IllegalArgumentException("local account #" + (i + 1) + " is not handle:password:roles");
            }
            Set<String> roles = new LinkedHashSet<>(Arrays.asList(parts[2].split("\\+")));
            if (!ROLES.containsAll(roles)) {
                throw new IllegalArgumentException("local account " + parts[0] + ": roles must be among " + ROLES);
            }
            accounts.put(parts[0], new Account(parts[0], parts[1], Set.copyOf(roles)));
        }
        return new LocalAccounts(Map.copyOf(accounts));
    }

    /** The account when the password is its own (compared in constant time), else empty. */
    public Optional<Account> authenticate(String handle, String password) {
        if (handle == null || password == null) {
            return Optional.empty();
        }
        Account account = byHandle.get(handle.trim());
        byte[] given = password.getBytes(StandardCharsets.UTF_8);
        byte[] expected = (account == null ? "\0no-such-account" : account.password()).getBytes(StandardCharsets.UTF_8);
        boolean matches = MessageDigest.isEqual(given, expected);
        return account != null && matches ? Optional.of(account) : Optional.empty();
    }

    public boolean isEmpty() {
        return byHandle.isEmpty();
    }
}

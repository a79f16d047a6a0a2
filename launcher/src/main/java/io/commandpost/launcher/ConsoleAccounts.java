package io.commandpost.launcher;

import io.commandpost.launcher.demo.DemoSeed;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The console's local accounts for the demo team (NOT FOR PRODUCTION): one per demo member with a password
 * generated on the first run and kept in the data directory ({@code console-accounts}, owner-only), printed by
 * the run command. alice is admin and responder, bob responder.
 */
public final class ConsoleAccounts {

    public record Account(String handle, String password, List<String> roles) {
    }

    private static final Map<String, List<String>> ROLES = new LinkedHashMap<>();

    static {
        ROLES.put("alice", List.of("admin", "responder"));
        ROLES.put("bob", List.of("responder"));
    }

    private final List<Account> accounts;

    private ConsoleAccounts(List<Account> accounts) {
        this.accounts = List.copyOf(accounts);
    }

    static ConsoleAccounts loadOrCreate(Path dir) {
        return new ConsoleAccounts(ROLES.entrySet().stream()
                .map(entry -> new Account(entry.getKey(), Secrets.loadOrCreate(dir.resolve(entry.getKey()), "demo-"),
                        entry.getValue()))
                .toList());
    }

    public List<Account> all() {
        return accounts;
    }

    public Account of(String handle) {
        return accounts.stream().filter(a -> a.handle().equals(handle)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no local account " + handle + " (team " + DemoSeed.TEAM + ")"));
    }

    /** The console's {@code COMMANDPOST_CONSOLE_ACCOUNTS}: {@code handle:password:role+role}, comma-separated. */
    String asSetting() {
        return accounts.stream().map(a -> a.handle() + ":" + a.password() + ":" + String.join("+", a.roles()))
                .collect(Collectors.joining(","));
    }
}

package io.commandpost.infra;

/** Where a service finds its database. */
public record JdbcTarget(String url, String user, String password) {
}

package io.commandpost.launcher.postgres;

import java.util.OptionalLong;

/** The PostgreSQL server the services use, embedded or external. */
public interface Database extends AutoCloseable {

    String jdbcUrl(String database);

    /** The account the services connect with. */
    String user();

    String password();

    /** For the banner: where it runs and where its data lives. */
    String describe();

    /** The postmaster's pid when the launcher runs it. */
    OptionalLong pid();

    @Override
    void close();
}

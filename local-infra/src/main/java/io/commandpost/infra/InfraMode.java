package io.commandpost.infra;

/** {@code COMMANDPOST_TEST_INFRA=embedded} skips Docker even where it runs (e.g. to compare timings). */
final class InfraMode {

    static final String ENV = "COMMANDPOST_TEST_INFRA";

    private InfraMode() {
    }

    static boolean dockerAllowed() {
        String mode = System.getProperty("commandpost.test.infra", System.getenv(ENV));
        return mode == null || !mode.trim().equalsIgnoreCase("embedded");
    }
}

package io.commandpost.infra;

import java.time.Duration;

/**
 * Shutdown hooks that cannot hold the JVM: a hook that hangs (Kafka's close after a broker restart
 * sometimes does) would make Surefire kill the fork and fail the build.
 */
final class ShutdownHooks {

    private static final Duration LIMIT = Duration.ofSeconds(10);

    private ShutdownHooks() {
    }

    static void register(String name, Runnable action) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> runBounded(name, action), name + "-shutdown"));
    }

    private static void runBounded(String name, Runnable action) {
        Thread worker = new Thread(action, name + "-close");
        worker.setDaemon(true);
        worker.start();
        try {
            worker.join(LIMIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

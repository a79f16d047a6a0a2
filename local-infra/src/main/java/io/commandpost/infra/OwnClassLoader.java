package io.commandpost.infra;

import java.util.function.Supplier;

/**
 * Runs server start-ups with this module's class loader as the thread context loader. Kafka loads plugin
 * classes (e.g. the share-group persister) through the context loader, and the threads it creates inherit
 * it: under a {@code @QuarkusTest} that would be Quarkus' loader, whose copies of Kafka's classes do not
 * match the ones the broker was loaded with.
 */
final class OwnClassLoader {

    private OwnClassLoader() {
    }

    static <T> T call(Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(OwnClassLoader.class.getClassLoader());
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    static void run(Runnable action) {
        call(() -> {
            action.run();
            return null;
        });
    }
}

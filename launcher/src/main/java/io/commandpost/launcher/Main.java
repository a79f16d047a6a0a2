package io.commandpost.launcher;

import io.commandpost.launcher.demo.DemoSeed;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The run command: starts the whole system from the project directory, seeds the demo, prints how to use
 * it, and stops everything on Ctrl-C. Configuration: see {@link SystemOptions#fromEnvironment}.
 */
public final class Main {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        long runStartedAtMillis = runStartedAt();

        SystemOptions options = SystemOptions.fromEnvironment(Path.of("").toAbsolutePath(), System.getenv());
        CommandPostSystem system = new CommandPostSystem(options, Main::say);
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            interrupted.set(true);
            say("stopping: services, then broker, then database ...");
            system.close();
            say("stopped.");
            stopped.countDown();
        }, "commandpost-shutdown"));

        say("starting CommandPost (data in " + options.baseDir() + ", logs in " + options.logDir() + ") ...");
        try {
            system.start();
            String token = seedDemo(system);
            Duration sinceRun = Duration.ofMillis(System.currentTimeMillis() - runStartedAtMillis);
            System.out.println(Banner.text(system, token, sinceRun));
            system.residentMemoryKb().forEach((process, kb) -> say(String.format("RSS %-26s %,8d kB", process, kb)));
        } catch (RuntimeException e) {
            if (interrupted.get()) {
                stopped.await(); // Ctrl-C while starting: the shutdown hook is cleaning up
                return;
            }
            say("FAILED: " + e.getMessage());
            System.exit(1);
        }
        stopped.await();
    }

    /** The system runs even when the demo data cannot be created; the banner then shows a placeholder token. */
    private static String seedDemo(CommandPostSystem system) {
        try {
            return new DemoSeed(system).ensure();
        } catch (RuntimeException e) {
            say("WARNING: could not seed the demo team and integration: " + e.getMessage());
            return "<integration token>";
        }
    }

    /** ./run passes its own start time, so the figure includes the build check and the JVM start. */
    private static long runStartedAt() {
        String fromScript = System.getenv("COMMANDPOST_RUN_STARTED_MS");
        if (fromScript != null && fromScript.matches("\\d+")) {
            return Long.parseLong(fromScript);
        }
        return ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    private static void say(String line) {
        System.out.println("[commandpost " + LocalTime.now().format(CLOCK) + "] " + line);
    }
}

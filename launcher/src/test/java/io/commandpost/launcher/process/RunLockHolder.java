package io.commandpost.launcher.process;

import java.nio.file.Path;

/** A stand-in launcher for {@link RunLockTest}: takes the lock, starts and records a child, then waits to be killed. */
public final class RunLockHolder {

    private RunLockHolder() {
    }

    public static void main(String[] args) throws Exception {
        RunLock lock = RunLock.acquire(Path.of(args[0]));
        Process child = new ProcessBuilder("sleep", "600").start();
        lock.record("sleeper", child.pid());
        System.out.println("child " + child.pid());
        System.out.flush();
        Thread.sleep(600_000);
    }
}

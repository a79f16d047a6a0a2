package io.commandpost.launcher.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Port choice: 0 means any free port, otherwise the preferred port or the next free one above it. */
public final class Ports {

    private static final int SEARCH_WIDTH = 100;

    private Ports() {
    }

    public static int preferredOrNextFree(int preferred) {
        if (preferred == 0) {
            return anyFree();
        }
        for (int port = preferred; port < preferred + SEARCH_WIDTH; port++) {
            if (isFree(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port in " + preferred + ".." + (preferred + SEARCH_WIDTH - 1));
    }

    public static int anyFree() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    /** Free on every interface (the services bind 0.0.0.0). */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}

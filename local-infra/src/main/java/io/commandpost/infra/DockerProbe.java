package io.commandpost.infra;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tells whether a Docker engine answers, without touching Testcontainers: on a machine without
 * Docker, Testcontainers' own discovery logs errors and costs seconds, so we ask first.
 */
public final class DockerProbe {

    private static final int TIMEOUT_MS = 300;
    private static final Path DEFAULT_SOCKET = Path.of("/var/run/docker.sock");

    private static volatile Boolean cached;

    private DockerProbe() {
    }

    /** True if {@code DOCKER_HOST} (or the default unix socket) accepts a connection; cached per JVM. */
    public static boolean dockerAvailable() {
        Boolean result = cached;
        if (result == null) {
            result = reachable(System.getenv("DOCKER_HOST"));
            cached = result;
        }
        return result;
    }

    static boolean reachable(String dockerHost) {
        if (dockerHost == null || dockerHost.isBlank()) {
            return unixSocketAnswers(DEFAULT_SOCKET);
        }
        try {
            URI uri = URI.create(dockerHost.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme();
            switch (scheme) {
                case "unix":
                    return unixSocketAnswers(Path.of(uri.getPath()));
                case "tcp":
                case "http":
                case "https":
                    return tcpAnswers(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 2375);
                default:
                    return false;
            }
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean unixSocketAnswers(Path socket) {
        if (!Files.exists(socket)) {
            return false;
        }
        // a unix-socket connect either succeeds or fails at once, no timeout needed
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            return channel.isConnected();
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static boolean tcpAnswers(String host, int port) {
        if (host == null) {
            return false;
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}

package io.commandpost.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class DockerProbeTest {

    @Test
    void aListeningTcpDockerHostAnswers() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThat(DockerProbe.reachable("tcp://127.0.0.1:" + server.getLocalPort())).isTrue();
        }
    }

    @Test
    void aClosedPortAMissingSocketOrAnUnknownSchemeDoNot() throws IOException {
        int closedPort;
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = server.getLocalPort();
        }
        assertThat(DockerProbe.reachable("tcp://127.0.0.1:" + closedPort)).isFalse();
        assertThat(DockerProbe.reachable("unix:///nonexistent/docker.sock")).isFalse();
        assertThat(DockerProbe.reachable("npipe:////./pipe/docker_engine")).isFalse();
    }
}

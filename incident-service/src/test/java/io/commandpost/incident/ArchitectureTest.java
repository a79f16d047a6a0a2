package io.commandpost.incident;

import io.commandpost.architecture.ServiceArchitectureTest;

class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("io.commandpost.incident");
    }
}

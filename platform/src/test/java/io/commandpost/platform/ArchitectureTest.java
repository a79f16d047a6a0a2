package io.commandpost.platform;

import io.commandpost.architecture.ServiceArchitectureTest;

class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("io.commandpost.platform");
    }
}

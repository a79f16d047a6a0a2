package io.commandpost.rotation;

import io.commandpost.architecture.ServiceArchitectureTest;

class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("io.commandpost.rotation");
    }
}

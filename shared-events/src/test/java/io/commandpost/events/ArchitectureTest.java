package io.commandpost.events;

import io.commandpost.architecture.ServiceArchitectureTest;

class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("io.commandpost.events");
    }
}

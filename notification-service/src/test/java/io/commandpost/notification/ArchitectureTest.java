package io.commandpost.notification;

import io.commandpost.architecture.ServiceArchitectureTest;

class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("io.commandpost.notification");
    }
}

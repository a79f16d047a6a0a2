package io.commandpost.notification;

import io.commandpost.architecture.ServiceArchitectureTest;

/** Among others: announce and delivery no longer import each other (delivery owns the SubjectTexts port). */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("io.commandpost.notification");
    }
}

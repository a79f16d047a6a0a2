package io.commandpost.notification.support;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The service with no announcement channel configured (see {@link NotificationTestResource}). */
public class NoAnnouncementChannelProfile implements QuarkusTestProfile {
}

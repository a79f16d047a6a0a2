package io.commandpost.deploy.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Files of the repository under test: the build passes its root as {@code commandpost.root}. */
final class Repository {

    static final List<String> SERVICES =
            List.of("alert-ingest-service", "rotation-service", "incident-service", "notification-service");

    /** What is deployed: the services and the console (which has no topics or database). */
    static final List<String> DEPLOYED = java.util.stream.Stream.concat(SERVICES.stream(), java.util.stream.Stream.of("console")).toList();

    private Repository() {
    }

    static Path root() {
        return Path.of(System.getProperty("commandpost.root", "..")).toAbsolutePath().normalize();
    }

    static Path path(String relative) {
        return root().resolve(relative);
    }

    static String read(String relative) {
        try {
            return Files.readString(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each service's HTTP port, as its application.properties sets it. */
    static Map<String, Integer> servicePorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String service : SERVICES) {
            Properties properties = new Properties();
            try (var in = Files.newInputStream(path(service + "/src/main/resources/application.properties"))) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ports.put(service, Integer.parseInt(properties.getProperty("quarkus.http.port")));
        }
        return ports;
    }
}

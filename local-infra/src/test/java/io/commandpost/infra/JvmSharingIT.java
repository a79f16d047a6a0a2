package io.commandpost.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Quarkus loads test resources in class loaders of its own: they must still find the same servers. */
class JvmSharingIT {

    @Test
    void aSecondClassLoaderGetsTheSameBrokerAndDatabaseServer() throws Exception {
        String bootstrap = KafkaInfra.get().bootstrapServers();
        String adminUrl = PostgresInfra.get().admin().url();

        try (URLClassLoader isolated = new URLClassLoader(classPath(), ClassLoader.getPlatformClassLoader())) {
            Class<?> kafkaInfra = isolated.loadClass(KafkaInfra.class.getName());
            Class<?> postgresInfra = isolated.loadClass(PostgresInfra.class.getName());
            assertThat(kafkaInfra).isNotSameAs(KafkaInfra.class);

            Object kafka = kafkaInfra.getMethod("get").invoke(null);
            Object postgres = postgresInfra.getMethod("get").invoke(null);
            Object admin = postgresInfra.getMethod("admin").invoke(postgres);

            assertThat(kafkaInfra.getMethod("bootstrapServers").invoke(kafka)).isEqualTo(bootstrap);
            assertThat(kafkaInfra.getMethod("brokerStoppable").invoke(kafka))
                    .isEqualTo(KafkaInfra.get().brokerStoppable());
            assertThat(admin.getClass().getMethod("url").invoke(admin)).isEqualTo(adminUrl);
        }
    }

    private static URL[] classPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> {
                    try {
                        return new File(entry).toURI().toURL();
                    } catch (java.net.MalformedURLException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toArray(URL[]::new);
    }
}

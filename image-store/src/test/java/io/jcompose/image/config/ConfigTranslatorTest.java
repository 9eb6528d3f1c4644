package io.jcompose.image.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.image.digest.Digest;
import io.jcompose.image.manifest.Platform;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigTranslatorTest {
    /** Shaped like the config of an official database image. */
    private static final String CONFIG = """
            {"architecture":"amd64","os":"linux","created":"2024-05-01T00:00:00Z",
             "config":{"User":"postgres","Env":["PATH=/usr/bin","PGDATA=/var/lib/postgresql/data"],
               "Entrypoint":["docker-entrypoint.sh"],"Cmd":["postgres"],"WorkingDir":"/srv",
               "ExposedPorts":{"5432/tcp":{}},"Volumes":{"/var/lib/postgresql/data":{}},
               "Labels":{"maintainer":"x"},"StopSignal":"SIGINT",
               "Healthcheck":{"Test":["CMD-SHELL","pg_isready"],"Interval":30000000000,"Timeout":5000000000,
                              "StartPeriod":1000000000,"Retries":3},
               "ArgsEscaped":true,"OnBuild":null},
             "rootfs":{"type":"layers","diff_ids":["sha256:%s","sha256:%s"]},
             "history":[{"created_by":"x","empty_layer":true}]}
            """.formatted("1".repeat(64), "2".repeat(64));

    @Test
    void readsEveryRuntimeDefault() {
        ImageConfig c = ConfigTranslator.parse(CONFIG.getBytes(StandardCharsets.UTF_8), "config");
        assertThat(c.platform()).isEqualTo(Platform.LINUX_AMD64);
        assertThat(c.user()).isEqualTo("postgres");
        assertThat(c.env()).containsExactly("PATH=/usr/bin", "PGDATA=/var/lib/postgresql/data");
        assertThat(c.entrypoint()).containsExactly("docker-entrypoint.sh");
        assertThat(c.cmd()).containsExactly("postgres");
        assertThat(c.workingDir()).isEqualTo("/srv");
        assertThat(c.exposedPorts()).containsExactly("5432/tcp");
        assertThat(c.volumes()).containsExactly("/var/lib/postgresql/data");
        assertThat(c.labels()).containsEntry("maintainer", "x");
        assertThat(c.stopSignal()).isEqualTo("SIGINT");
        assertThat(c.healthcheck().test()).containsExactly("CMD-SHELL", "pg_isready");
        assertThat(c.healthcheck().interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.healthcheck().timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.healthcheck().startPeriod()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.healthcheck().retries()).isEqualTo(3);
        assertThat(c.diffIds()).containsExactly(Digest.sha256Hex("1".repeat(64)), Digest.sha256Hex("2".repeat(64)));
    }

    @Test
    void anEmptyConfigHasEmptyDefaults() {
        ImageConfig c = ConfigTranslator.parse("{\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}".getBytes(), "c");
        assertThat(c.cmd()).isEmpty();
        assertThat(c.healthcheck()).isNull();
        assertThat(c.user()).isEmpty();
    }

    @Test
    void roundTrips() {
        ImageConfig c = new ImageConfig(Platform.parse("linux/arm64"), "1000:1000", List.of("A=1"), List.of("/bin/sh", "-c"),
                List.of("echo hi"), "/w", Set.of("80/tcp"), Set.of("/data"),
                new Healthcheck(List.of("CMD", "true"), Duration.ofSeconds(2), Duration.ZERO, Duration.ZERO, Duration.ZERO, 1),
                "SIGTERM", Map.of("a", "b"), List.of(Digest.sha256Hex("3".repeat(64))), "2024-01-01T00:00:00Z");
        assertThat(ConfigTranslator.parse(ConfigTranslator.write(c), "c")).isEqualTo(c);
    }
}

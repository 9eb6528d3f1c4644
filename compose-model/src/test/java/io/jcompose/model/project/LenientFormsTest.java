package io.jcompose.model.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Forms compose-go still decodes although the canonical form never holds them (short syntaxes, numbers and
 * booleans left as strings by interpolation) bind the way compose-go reads them.
 */
class LenientFormsTest {
    private static final String YAML = """
            name: p
            services:
              s:
                build: ./app
                depends_on: [db, cache]
                networks: [front, back]
                models: [llm]
                secrets: [token]
                configs: [settings]
                env_file: .env
                environment: ["A=1", "B", "C=x=y"]
                labels: ["tier=front", "bare"]
                extends: base
                extra_hosts:
                  one: 10.0.0.1
                  two: [10.0.0.2, "[::2]"]
                gpus: all
                healthcheck:
                  test: curl -f http://localhost
                  retries: "3"
                  disable: "false"
                devices: [/dev/fuse, "/dev/a:/dev/b"]
                dns: 1.1.1.1
                tmpfs: /run
                privileged: "true"
                cpus: "0.5"
                scale: "2"
                stop_grace_period: 0
                mem_limit: 1073741824
                ulimits:
                  nofile: "1024"
              db:
                build:
                  context: .
                  ssh: [default, "key=/k"]
                deploy:
                  resources:
                    reservations:
                      devices:
                        - capabilities: [gpu]
                          count: "3"
            networks:
              legacy:
                external:
                  name: legacy-net
            """;

    private final Project project = ProjectBinder.bind(YamlTrees.parse(YAML));
    private final Service s = project.service("s");

    @Test
    void shortSyntaxes() {
        assertThat(s.build()).isEqualTo(BuildConfig.ofContext("./app"));
        assertThat(s.dependsOn()).containsExactly(entry("db", DependsOn.STARTED), entry("cache", DependsOn.STARTED));
        assertThat(s.networks()).containsExactly(entry("front", ServiceNetwork.DEFAULTS),
                entry("back", ServiceNetwork.DEFAULTS));
        assertThat(s.models()).containsOnlyKeys("llm");
        assertThat(s.secrets()).containsExactly(new FileReference("token", "/run/secrets/token", null, null, null));
        assertThat(s.configs()).containsExactly(new FileReference("settings", null, null, null, null));
        assertThat(s.envFiles()).containsExactly(new EnvFile(".env", true, null));
        assertThat(s.extendsConfig()).isEqualTo(new ExtendsConfig(null, "base"));
        assertThat(s.healthcheck().test()).containsExactly("CMD-SHELL", "curl -f http://localhost");
        assertThat(s.devices()).containsExactly(new DeviceMapping("/dev/fuse", "/dev/fuse", "rwm"),
                new DeviceMapping("/dev/a", "/dev/b", "rwm"));
        assertThat(s.dns()).containsExactly("1.1.1.1");
        assertThat(s.tmpfs()).containsExactly("/run");
        assertThat(s.gpus())
                .containsExactly(new DeviceRequest(List.of(), null, DeviceRequest.ALL, List.of(), Map.of()));
        assertThat(project.service("db").build().ssh()).containsExactly(new BuildConfig.SshKey("default", null),
                new BuildConfig.SshKey("key", "/k"));
        assertThat(project.networks().get("legacy").external()).isTrue();
    }

    @Test
    void listFormsOfMaps() {
        assertThat(s.environment()).containsExactly(entry("A", "1"), entry("B", null), entry("C", "x=y"));
        assertThat(s.labels()).containsExactly(entry("tier", "front"), entry("bare", ""));
        assertThat(s.extraHosts()).containsExactly(entry("one", List.of("10.0.0.1")),
                entry("two", List.of("10.0.0.2", "::2")));
    }

    @Test
    void scalarsWrittenAsStrings() {
        assertThat(s.healthcheck().retries()).isEqualTo(3L);
        assertThat(s.healthcheck().disable()).isFalse();
        assertThat(s.privileged()).isTrue();
        assertThat(s.cpus()).isEqualTo(0.5);
        assertThat(s.scale()).isEqualTo(2);
        assertThat(s.stopGracePeriod()).isEqualTo(Duration.ZERO);
        assertThat(s.memLimit()).isEqualTo(1L << 30);
        assertThat(s.ulimits()).containsExactly(entry("nofile", new Ulimit(1024, 1024)));
        assertThat(project.service("db").deploy().resources().reservations().devices().getFirst().count())
                .isEqualTo(3L);
    }
}

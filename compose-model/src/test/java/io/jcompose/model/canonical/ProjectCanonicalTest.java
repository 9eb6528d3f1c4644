package io.jcompose.model.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.model.ModelException;
import io.jcompose.model.tree.MapNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Project-level normalization: the default network, resource names, host paths, what is dropped. */
class ProjectCanonicalTest {

    @Test
    void aServiceWithoutNetworksJoinsTheImplicitDefaultNetwork() {
        MapNode p = Fixtures.canonical("services: {web: {image: nginx}}");
        assertThat(p.get("networks")).isEqualTo(Fixtures.json("{default: {name: demo_default, ipam: {}}}"));
        assertThat(p.get("name")).isEqualTo(Fixtures.json("demo"));
    }

    @Test
    void theDefaultNetworkIsDeclaredOnlyWhenUsed() {
        MapNode p = Fixtures.canonical("""
                services:
                  a: {image: x, network_mode: host}
                  b: {image: x, networks: [front]}
                networks:
                  front: {}
                """);
        assertThat(p.get("networks")).isEqualTo(Fixtures.json("{front: {name: demo_front, ipam: {}}}"));
    }

    @Test
    void anExplicitDefaultNetworkKeepsItsSettingsAndGetsTheProjectName() {
        MapNode p = Fixtures.canonical("services: {a: {image: x}}\nnetworks: {default: {driver: bridge}}");
        assertThat(p.get("networks")).isEqualTo(Fixtures.json("{default: {name: demo_default, driver: bridge, ipam: {}}}"));
    }

    @Test
    void resourcesAreNamedAfterTheProjectUnlessExternalOrNamed() {
        List<String> warnings = new ArrayList<>();
        MapNode p = Canonicalizer.canonicalize(TestYaml.parse("""
                services: {a: {image: x, network_mode: none}}
                volumes:
                  data:
                  ext: {external: true}
                  named: {name: custom}
                  legacy: {external: {name: real}}
                  notext: {external: false}
                """), Fixtures.context(warnings));
        assertThat(p.get("volumes")).isEqualTo(Fixtures.json("""
                {data: {name: demo_data}, ext: {name: ext, external: true}, named: {name: custom},
                 legacy: {name: real, external: true}, notext: {name: demo_notext}}"""));
        assertThat(warnings).containsExactly("volumes.legacy: external.name is deprecated. Please set name and external: true");
    }

    @Test
    void aLegacyExternalNameConflictingWithNameIsAnError() {
        assertThatThrownBy(() -> Fixtures.canonical("""
                services: {a: {image: x}}
                networks:
                  n: {name: one, external: {name: two}}
                """))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("test.yaml:3:28 networks.n.external: name and external.name conflict; only use name");
    }

    @Test
    void fileBasedSecretsAndConfigsGetAbsolutePathsAndSecretContentIsNeverKept() {
        MapNode p = Fixtures.canonical("""
                services: {a: {image: x}}
                secrets:
                  s: {file: ./s.txt, content: hidden}
                  e: {environment: TOKEN}
                configs:
                  c: {file: ~/c.conf}
                  inline: {content: "hello $$x"}
                """);
        assertThat(p.get("secrets")).isEqualTo(Fixtures.json(
                "{s: {name: demo_s, file: /work/dir/s.txt}, e: {name: demo_e, environment: TOKEN}}"));
        assertThat(p.get("configs")).isEqualTo(Fixtures.json(
                "{c: {name: demo_c, file: /home/me/c.conf}, inline: {name: demo_inline, content: 'hello $$x'}}"));
    }

    @Test
    void aLocalBindVolumeDeviceIsAHostPath() {
        MapNode p = Fixtures.canonical("""
                services: {a: {image: x}}
                volumes:
                  v: {driver: local, driver_opts: {type: none, o: bind, device: ./data}}
                  w: {driver_opts: {o: bind, device: ./data}}
                """);
        assertThat(p.get("volumes")).isEqualTo(Fixtures.json("""
                {v: {name: demo_v, driver: local, driver_opts: {type: none, o: bind, device: /work/dir/data}},
                 w: {name: demo_w, driver_opts: {o: bind, device: ./data}}}"""));
    }

    @Test
    void extensionsStayAndLoaderOnlyKeysGo() {
        MapNode p = Fixtures.canonical("""
                version: "3.9"
                include: [other.yaml]
                services: {a: {image: x}}
                x-common: {retries: 3}
                """);
        assertThat(p.keys()).containsExactlyInAnyOrder("name", "services", "networks", "x-common");
        assertThat(p.get("x-common")).isEqualTo(Fixtures.json("{retries: 3}"));
    }

    @Test
    void withoutPathResolutionPathsStayAsWritten() {
        CanonicalContext ctx = new CanonicalContext("demo", Path.of("/work/dir"), Path.of("/home/me"),
                k -> null, false, null);
        MapNode p = Canonicalizer.canonicalize(TestYaml.parse("""
                services:
                  a:
                    build: .
                    env_file: .env
                    volumes: ['./src:/src', '~/x:/x']
                secrets:
                  s: {file: ./s}
                """), ctx);
        MapNode a = (MapNode) ((MapNode) p.get("services")).get("a");
        assertThat(a.get("build")).isEqualTo(Fixtures.json("{context: ., dockerfile: Dockerfile}"));
        assertThat(a.get("env_file")).isEqualTo(Fixtures.json("[{path: .env, required: true}]"));
        assertThat(a.get("volumes")).isEqualTo(Fixtures.json("""
                [{type: bind, source: ./src, target: /src, bind: {create_host_path: true}},
                 {type: bind, source: '~/x', target: /x, bind: {create_host_path: true}}]"""));
        assertThat(((MapNode) p.get("secrets")).get("s")).isEqualTo(Fixtures.json("{name: demo_s, file: ./s}"));
    }

    @Test
    void aCommandCutAtAShellOperatorIsReported() {
        List<String> warnings = new ArrayList<>();
        Canonicalizer.canonicalize(TestYaml.parse("services: {a: {image: x, command: make && make install}}"),
                Fixtures.context(warnings));
        assertThat(warnings).singleElement().asString()
                .startsWith("services.a.command: \"make && make install\" is cut at the shell operator");
    }

    @Test
    void scaleAndReplicasMustAgree() {
        assertThatThrownBy(() -> Fixtures.service("{image: x, scale: 2, deploy: {replicas: 3}}"))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("services.s.scale: can't set distinct values on 'scale' and 'deploy.replicas'");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {ports: ['abc:80']}                     | 2:15 services.s.ports[0]: invalid hostPort: abc
            {ports: ['1.2.3:80:80']}                | services.s.ports[0]: invalid IP address: 1.2.3
            {ports: ['80-81:90-93']}                | invalid ranges specified for container and host Ports: 90-93 and 80-81
            {ports: ['80/sctpx']}                   | invalid proto: sctpx
            {volumes: ['vol:/b:/c:ro']}             | services.s.volumes[0]: invalid spec: vol:/b:/c:ro: too many colons
            {volumes: ['vol::/b']}                  | empty section between colons
            {volumes: [{type: bind, target: /x}]}   | field Source must not be empty
            {devices: ['a:b:c:d']}                  | confusing device mapping, please use long syntax: a:b:c:d
            {command: 'echo "open'}                 | services.s.command: invalid command line string: echo "open
            {mem_limit: 12x}                        | services.s.mem_limit: invalid suffix: 'x'
            {healthcheck: {interval: 10}}           | services.s.healthcheck.interval: missing unit in duration "10"
            {extra_hosts: [nohost]}                 | invalid additional host, missing IP: nohost
            {build: {ssh: [mykey]}}                 | services.s.build.ssh[0]: invalid ssh key "mykey"
            {gpus: [{count: 1, device_ids: ['0']}]} | services.s.gpus[0]: "count" and "device_ids" attributes are exclusive
            {cpus: lots}                            | services.s.cpus: expected a number but found "lots"
            {environment: {A: [1]}}                 | services.s.environment.A: expected a string but found a sequence
            """)
    void invalidShortSyntaxIsReportedAtItsPosition(String service, String message) {
        assertThatThrownBy(() -> Fixtures.service(service))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining(message)
                .hasMessageContaining("test.yaml:");
    }
}

package io.jcompose.scheduler.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.agent.api.v1.ContainerSpecBody;
import io.jcompose.agent.api.v1.ContainerSpecBody.HealthcheckBody;
import io.jcompose.agent.api.v1.ContainerSpecBody.MountBody;
import io.jcompose.agent.api.v1.ContainerSpecBody.NetworkAttachmentBody;
import io.jcompose.agent.api.v1.ContainerSpecBody.PortBody;
import io.jcompose.agent.api.v1.ContainerSpecBody.UlimitBody;
import io.jcompose.model.project.Project;
import io.jcompose.scheduler.SchedulerException;
import io.jcompose.scheduler.testing.Projects;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Service snippet → spec field, one row per attribute. */
class SpecTranslatorTest {

    private static SpecTranslator.Translation translate(String serviceBody) {
        Project p = Projects.project("""
                services:
                  db: {image: postgres}
                  app:
                    image: busybox:1.36
                %s
                """.formatted(serviceBody.indent(4).stripTrailing()));
        return SpecTranslator.translate(p, p.service("app"), 1, Map.of("com.docker.compose.project", "demo"));
    }

    private static Arguments row(String snippet, Function<ContainerSpecBody, Object> field, Object expected) {
        return Arguments.of(snippet, field, expected);
    }

    static Stream<Arguments> fields() {
        return Stream.of(
                row("command: [echo, hi]", ContainerSpecBody::command, List.of("echo", "hi")),
                row("entrypoint: [/bin/sh, -c]", ContainerSpecBody::entrypoint, List.of("/bin/sh", "-c")),
                row("entrypoint: []", ContainerSpecBody::entrypoint, List.of()),
                row("environment: {A: '1', B: ''}", ContainerSpecBody::env, List.of("A=1", "B=")),
                row("user: '1000:1000'", ContainerSpecBody::user, "1000:1000"),
                row("working_dir: /srv", ContainerSpecBody::workingDir, "/srv"),
                row("hostname: box", ContainerSpecBody::hostname, "box"),
                row("domainname: example.org", ContainerSpecBody::domainname, "example.org"),
                row("labels: {}", ContainerSpecBody::image, "busybox:1.36"),
                row("init: true", ContainerSpecBody::init, true),
                row("logging: {options: {max-size: 10m, max-file: '3'}}", ContainerSpecBody::logging,
                        new ContainerSpecBody.LoggingBody(10L << 20, 3)),
                row("logging: {driver: local, options: {max-size: 512k}}", ContainerSpecBody::logging,
                        new ContainerSpecBody.LoggingBody(512L << 10, null)),
                row("logging: {driver: json-file, options: {max-file: '2'}}", ContainerSpecBody::logging,
                        new ContainerSpecBody.LoggingBody(null, 2)),
                row("logging: {driver: json-file}", ContainerSpecBody::logging, null),
                row("tty: true", ContainerSpecBody::tty, true),
                row("stdin_open: true", ContainerSpecBody::stdinOpen, true),
                row("privileged: true", ContainerSpecBody::privileged, true),
                row("read_only: true", ContainerSpecBody::readOnly, true),
                row("cap_add: [NET_ADMIN]", ContainerSpecBody::capAdd, List.of("NET_ADMIN")),
                row("cap_drop: [ALL]", ContainerSpecBody::capDrop, List.of("ALL")),
                row("security_opt: ['no-new-privileges:true']", ContainerSpecBody::noNewPrivileges, true),
                row("security_opt: ['no-new-privileges']", ContainerSpecBody::noNewPrivileges, true),
                row("ulimits: {nofile: {soft: 1024, hard: 2048}}", ContainerSpecBody::ulimits,
                        List.of(new UlimitBody("nofile", 1024, 2048))),
                row("sysctls: {net.core.somaxconn: '1024'}", ContainerSpecBody::sysctls,
                        Map.of("net.core.somaxconn", "1024")),
                row("mem_limit: 512m", ContainerSpecBody::memoryLimit, 512L * 1024 * 1024),
                row("deploy: {resources: {limits: {memory: 1g, cpus: '0.5', pids: 50}}}",
                        s -> List.of(s.memoryLimit(), s.cpus(), s.pidsLimit()), List.of(1L << 30, 0.5, 50L)),
                row("cpus: 1.5", ContainerSpecBody::cpus, 1.5),
                row("cpu_quota: 50000", ContainerSpecBody::cpus, 0.5),
                row("cpu_shares: 512", ContainerSpecBody::cpuShares, 512L),
                row("pids_limit: 100", ContainerSpecBody::pidsLimit, 100L),
                row("shm_size: 64m", ContainerSpecBody::shmSize, 64L * 1024 * 1024),
                row("stop_signal: SIGINT", ContainerSpecBody::stopSignal, "SIGINT"),
                row("stop_grace_period: 1m30s", ContainerSpecBody::stopGracePeriodMillis, 90_000L),
                row("extra_hosts: ['somehost=162.242.195.82']", ContainerSpecBody::extraHosts,
                        List.of("somehost:162.242.195.82")),
                row("dns: [10.0.0.2]", ContainerSpecBody::dns, List.of("10.0.0.2")),
                row("dns_search: [example.org]", ContainerSpecBody::dnsSearch, List.of("example.org")),
                row("dns_opt: [use-vc]", ContainerSpecBody::dnsOptions, List.of("use-vc")),
                row("group_add: [audio]", ContainerSpecBody::groupAdd, List.of("audio")),
                row("restart: unless-stopped", ContainerSpecBody::restart, "unless-stopped"),
                row("restart: on-failure:3", ContainerSpecBody::restart, "on-failure:3"),
                row("pid: host", ContainerSpecBody::hostPid, true),
                row("ipc: host", ContainerSpecBody::hostIpc, true),
                row("healthcheck: {test: [CMD, pg_isready], interval: 2s, timeout: 1s, retries: 5, start_period: 3s}",
                        ContainerSpecBody::healthcheck,
                        new HealthcheckBody(List.of("CMD", "pg_isready"), 2000L, 1000L, 3000L, null, 5, null)),
                row("healthcheck: {disable: true}", s -> s.healthcheck().disable(), true),
                row("ports: ['127.0.0.1:8080:80']", ContainerSpecBody::ports,
                        List.of(new PortBody(80, "8080", "127.0.0.1", "tcp"))),
                row("ports: ['53:53/udp']", ContainerSpecBody::ports, List.of(new PortBody(53, "53", "", "udp"))),
                row("network_mode: host", s -> List.of(s.networkMode(), s.networks() == null), List.of("host", true)),
                row("network_mode: none", ContainerSpecBody::networkMode, "none"),
                row("network_mode: service:db", ContainerSpecBody::networkMode, "container:demo-db-1"),
                row("network_mode: container:other", ContainerSpecBody::networkMode, "container:other"),
                row("tmpfs: ['/run:size=64m,mode=1777']", ContainerSpecBody::mounts,
                        List.of(new MountBody("tmpfs", null, "/run", null, null, null, 64L << 20, 01777, null, null, null))),
                row("volumes: [data:/var/lib/data:ro]", ContainerSpecBody::mounts,
                        List.of(new MountBody("volume", "demo_data", "/var/lib/data", true, null, null, null, null, null,
                                null, null))),
                row("volumes: [/scratch]", ContainerSpecBody::mounts,
                        List.of(new MountBody("volume", null, "/scratch", false, null, null, null, null, null, null, null))),
                row("volumes: [{type: bind, source: /srv/x, target: /x, read_only: true, bind: {propagation: rshared}}]",
                        ContainerSpecBody::mounts,
                        List.of(new MountBody("bind", "/srv/x", "/x", true, "rshared", true, null, null, null, null, null))),
                row("volumes: ['./conf:/etc/conf']", s -> s.mounts().getFirst().createHostPath(), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fields")
    void attributeBecomesSpecField(String snippet, Function<ContainerSpecBody, Object> field, Object expected) {
        String body = snippet.startsWith("volumes: [data") ? snippet + "\nvolumes_placeholder" : snippet;
        SpecTranslator.Translation t = body.endsWith("volumes_placeholder") ? translateWithVolume(snippet) : translate(snippet);
        assertThat(field.apply(t.request().spec())).isEqualTo(expected);
    }

    private static SpecTranslator.Translation translateWithVolume(String snippet) {
        Project p = Projects.project("""
                services:
                  app:
                    image: busybox:1.36
                    %s
                volumes:
                  data: {}
                """.formatted(snippet));
        return SpecTranslator.translate(p, p.service("app"), 1, Map.of());
    }

    @Test
    void networksCarryTheServiceNameAsAliasInPriorityOrder() {
        Project p = Projects.project("""
                services:
                  app:
                    image: busybox
                    mac_address: 02:42:ac:11:00:02
                    networks:
                      back: {aliases: [api], ipv4_address: 172.28.0.5}
                      front: {priority: 10}
                networks:
                  front: {}
                  back: {ipam: {config: [{subnet: 172.28.0.0/16}]}}
                """);
        var spec = SpecTranslator.translate(p, p.service("app"), 1, Map.of()).request().spec();
        assertThat(spec.networkMode()).isEqualTo("bridge");
        assertThat(spec.networks()).containsExactly(
                new NetworkAttachmentBody("demo_front", List.of("app"), null, null, "02:42:ac:11:00:02", 10, 0),
                new NetworkAttachmentBody("demo_back", List.of("app", "api"), "172.28.0.5", null, null, 0, 0));
    }

    @Test
    void noNetworksMeansTheProjectDefaultNetwork() {
        var spec = translate("environment: {}").request().spec();
        assertThat(spec.networks()).extracting(NetworkAttachmentBody::network).containsExactly("demo_default");
    }

    @Test
    void namesAndLabelsFollowCompose() {
        var request = translate("labels: {team: core}").request();
        assertThat(request.name()).isEqualTo("demo-app-1");
        assertThat(request.labels()).containsEntry("team", "core").containsEntry("com.docker.compose.project", "demo");
        assertThat(translate("container_name: fixed").request().name()).isEqualTo("fixed");
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("devices: ['/dev/fuse:/dev/fuse']", "devices"),
                Arguments.of("ipc: service:db", "ipc"),
                Arguments.of("ports: ['9000:9000/sctp']", "sctp"),
                Arguments.of("uts: host", "uts"),
                Arguments.of("volumes_from: ['container:other']", "volumes_from"),
                Arguments.of("logging: {options: {max-size: lots}}", "logging.options.max-size"),
                Arguments.of("logging: {options: {max-size: 1k}}", "logging.options.max-size"),
                Arguments.of("logging: {options: {max-file: '0'}}", "logging.options.max-file"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void whatTheAgentCannotHonourIsAnError(String snippet, String named) {
        assertThatThrownBy(() -> translate(snippet))
                .isInstanceOf(SchedulerException.class)
                .hasMessageContaining("services.app.")
                .hasMessageContaining(named);
    }

    static Stream<Arguments> warned() {
        return Stream.of(
                Arguments.of("security_opt: ['seccomp:unconfined']", "security_opt"),
                Arguments.of("cpuset: '0-1'", "cpuset"),
                Arguments.of("logging: {driver: syslog}", "logging"),
                Arguments.of("logging: {options: {compress: 'true'}}", "logging.options.compress"),
                Arguments.of("oom_score_adj: 100", "oom_score_adj"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("warned")
    void tuningTheAgentCannotApplyIsAWarning(String snippet, String named) {
        assertThat(translate(snippet).warnings()).anySatisfy(w -> assertThat(w).contains("services.app." + named));
    }
}

package io.jcompose.model.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.model.tree.MapNode;
import io.jcompose.model.tree.Node;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per compose-go canonical-form rule: a service as written, one attribute of its canonical
 * form as docker compose prints it. {@code null} in the expectation means the attribute is absent.
 */
class ServiceAttributesTest {

    static Stream<Arguments> rules() {
        return Stream.of(
                // ports: short syntax, ranges, IPv6, protocols, long syntax defaults, dedupe
                row("{ports: ['8080:80']}", "ports", "[{mode: ingress, target: 80, published: '8080', protocol: tcp}]"),
                row("{ports: [80]}", "ports", "[{target: 80, protocol: tcp, mode: ingress}]"),
                row("{ports: ['80']}", "ports", "[{mode: ingress, target: 80, protocol: tcp}]"),
                row("{ports: ['127.0.0.1:53:53/UDP']}", "ports",
                        "[{mode: ingress, host_ip: 127.0.0.1, target: 53, published: '53', protocol: udp}]"),
                row("{ports: ['[::1]:6001:6001']}", "ports",
                        "[{mode: ingress, host_ip: '::1', target: 6001, published: '6001', protocol: tcp}]"),
                row("{ports: ['127.0.0.1::80']}", "ports", "[{mode: ingress, host_ip: 127.0.0.1, target: 80, protocol: tcp}]"),
                row("{ports: ['9090-9091:8080-8081']}", "ports",
                        "[{mode: ingress, target: 8080, published: '9090', protocol: tcp},"
                                + "{mode: ingress, target: 8081, published: '9091', protocol: tcp}]"),
                row("{ports: ['8000-9000:80']}", "ports", "[{mode: ingress, target: 80, published: '8000-9000', protocol: tcp}]"),
                row("{ports: ['9-10']}", "ports",
                        "[{mode: ingress, target: 10, protocol: tcp}, {mode: ingress, target: 9, protocol: tcp}]"),
                row("{ports: [{target: 80, published: 8080}]}", "ports",
                        "[{target: 80, published: '8080', protocol: tcp, mode: ingress}]"),
                row("{ports: [{target: 80, published: '8000-8001', protocol: udp, mode: host, name: web}]}", "ports",
                        "[{target: 80, published: '8000-8001', protocol: udp, mode: host, name: web}]"),
                row("{ports: ['8080:80', '8080:80/tcp', '8081:80']}", "ports",
                        "[{mode: ingress, target: 80, published: '8080', protocol: tcp},"
                                + "{mode: ingress, target: 80, published: '8081', protocol: tcp}]"),
                row("{expose: [3000, '4000-4001']}", "expose", "['3000', '4000-4001']"),
                // volumes
                row("{volumes: ['data:/data:ro']}", "volumes",
                        "[{type: volume, source: data, target: /data, read_only: true, volume: {}}]"),
                row("{volumes: ['./src:/app/']}", "volumes",
                        "[{type: bind, source: /work/dir/src, target: /app, bind: {create_host_path: true}}]"),
                row("{volumes: ['../up:/up']}", "volumes",
                        "[{type: bind, source: /work/up, target: /up, bind: {create_host_path: true}}]"),
                row("{volumes: ['~/.ssh:/root/.ssh:ro,z']}", "volumes",
                        "[{type: bind, source: /home/me/.ssh, target: /root/.ssh, read_only: true,"
                                + " bind: {selinux: z, create_host_path: true}}]"),
                row("{volumes: ['/a:/b:rshared']}", "volumes",
                        "[{type: bind, source: /a, target: /b, bind: {propagation: rshared, create_host_path: true}}]"),
                row("{volumes: ['/data']}", "volumes", "[{type: volume, target: /data, volume: {}}]"),
                row("{volumes: ['vol:/data:nocopy']}", "volumes", "[{type: volume, source: vol, target: /data, volume: {nocopy: true}}]"),
                row("{volumes: [{type: bind, source: ./x, target: /x/}]}", "volumes", "[{type: bind, source: /work/dir/x, target: /x}]"),
                row("{volumes: [{type: volume, source: v, target: /v, volume: {nocopy: true, subpath: sub}}]}", "volumes",
                        "[{type: volume, source: v, target: /v, volume: {nocopy: true, subpath: sub}}]"),
                row("{volumes: [{type: tmpfs, target: /t, tmpfs: {size: 1g, mode: 1777}}]}", "volumes",
                        "[{type: tmpfs, target: /t, tmpfs: {size: '1073741824', mode: 1777}}]"),
                row("{volumes: ['/a:/x', '/b:/x']}", "volumes",
                        "[{type: bind, source: /b, target: /x, bind: {create_host_path: true}}]"),
                // environment, labels and other mappings
                row("{environment: [A=1, SET, C=, 'D=x=y']}", "environment", "{A: '1', SET: from-env, C: '', D: 'x=y'}"),
                row("{environment: [UNSET]}", "environment", "{UNSET: null}"),
                row("{environment: {A: 1, B: true, C: 1.5, SET: null, EMPTY: null, UNSET: ~}}", "environment",
                        "{A: '1', B: 'true', C: '1.5', SET: from-env, EMPTY: '', UNSET: null}"),
                row("{environment: {BIG: 100000000.0, SMALL: 0.00001}}", "environment", "{BIG: '1e+08', SMALL: '1e-05'}"),
                row("{labels: [a=b, c]}", "labels", "{a: b, c: ''}"),
                row("{labels: {n: 42, e: null}}", "labels", "{n: '42', e: ''}"),
                row("{annotations: [com.example.foo=bar]}", "annotations", "{com.example.foo: bar}"),
                row("{sysctls: [net.core.somaxconn=1024]}", "sysctls", "{net.core.somaxconn: '1024'}"),
                row("{sysctls: {net.ipv4.tcp_syncookies: 0}}", "sysctls", "{net.ipv4.tcp_syncookies: '0'}"),
                row("{logging: {driver: json-file, options: {max-size: 10m, max-file: 3}}}", "logging",
                        "{driver: json-file, options: {max-size: 10m, max-file: '3'}}"),
                row("{extra_hosts: ['somehost:162.242.195.82', 'otherhost=50.31.209.229', 'v6:::1', 'b=[::2]']}", "extra_hosts",
                        "['b=::2', 'otherhost=50.31.209.229', 'somehost=162.242.195.82', 'v6=::1']"),
                row("{extra_hosts: {b: 1.2.3.4, a: [5.6.7.8, 9.9.9.9]}}", "extra_hosts", "['a=5.6.7.8', 'a=9.9.9.9', 'b=1.2.3.4']"),
                // build
                row("{build: ./app}", "build", "{context: /work/dir/app, dockerfile: Dockerfile}"),
                row("{build: {}}", "build", "{context: /work/dir, dockerfile: Dockerfile}"),
                row("{build: {context: 'https://github.com/x/y.git#main', dockerfile: web.Dockerfile}}", "build",
                        "{context: 'https://github.com/x/y.git#main', dockerfile: web.Dockerfile}"),
                row("{build: {dockerfile_inline: 'FROM alpine'}}", "build", "{context: /work/dir, dockerfile_inline: 'FROM alpine'}"),
                row("{build: {args: [UNSET, SET, Y=2, 'Z=']}}", "build",
                        "{context: /work/dir, dockerfile: Dockerfile, args: {SET: from-env, Y: '2', Z: ''}}"),
                row("{build: {ssh: [default, key=/k], secrets: [s], additional_contexts: [base=service:b, src=./src]}}", "build",
                        "{context: /work/dir, dockerfile: Dockerfile, ssh: [default, 'key=/k'],"
                                + " secrets: [{source: s, target: /run/secrets/s}],"
                                + " additional_contexts: {base: 'service:b', src: /work/dir/src}}"),
                row("{build: {context: ., shm_size: 2g, no_cache: false, pull: true}}", "build",
                        "{context: /work/dir, dockerfile: Dockerfile, shm_size: '2147483648', pull: true}"),
                // command and entrypoint
                row("{image: x}", "command", "null"),
                row("{image: x}", "entrypoint", "null"),
                row("{command: echo \"hello world\"}", "command", "[echo, hello world]"),
                row("{command: \"sh -c 'a && b'\"}", "command", "[sh, -c, a && b]"),
                row("{command: a && b}", "command", "[a]"),
                row("{command: []}", "command", "[]"),
                row("{command: ''}", "command", "[]"),
                row("{entrypoint: [/bin/sh, -c]}", "entrypoint", "[/bin/sh, -c]"),
                // healthcheck and durations
                row("{healthcheck: {test: curl -f http://localhost, interval: 90s, timeout: 1500ms, retries: 3,"
                        + " start_period: 0s}}", "healthcheck",
                        "{test: [CMD-SHELL, curl -f http://localhost], interval: 1m30s, timeout: 1.5s, retries: 3,"
                                + " start_period: 0s}"),
                row("{healthcheck: {test: [CMD, pg_isready], start_interval: 1h}}", "healthcheck",
                        "{test: [CMD, pg_isready], start_interval: 1h0m0s}"),
                row("{healthcheck: {disable: true}}", "healthcheck", "{disable: true}"),
                row("{stop_grace_period: 2m}", "stop_grace_period", "2m0s"),
                // dependencies
                row("{depends_on: [db]}", "depends_on", "{db: {condition: service_started, required: true}}"),
                row("{depends_on: {db: {condition: service_healthy}}}", "depends_on",
                        "{db: {condition: service_healthy, required: true}}"),
                row("{depends_on: {db: {condition: service_completed_successfully, restart: true, required: false}}}",
                        "depends_on", "{db: {condition: service_completed_successfully, restart: true, required: false}}"),
                row("{links: ['db:database', cache]}", "depends_on",
                        "{db: {condition: service_started, restart: true, required: true},"
                                + " cache: {condition: service_started, restart: true, required: true}}"),
                row("{network_mode: 'service:vpn', ipc: 'service:vpn', pid: host}", "depends_on",
                        "{vpn: {condition: service_started, restart: true, required: true}}"),
                row("{volumes_from: ['data:ro', 'container:x']}", "depends_on", "{data: {condition: service_started, required: true}}"),
                row("{depends_on: {db: {condition: service_healthy}}, links: [db]}", "depends_on",
                        "{db: {condition: service_healthy, required: true}}"),
                // networks
                row("{image: x}", "networks", "{default: null}"),
                row("{networks: [front, back]}", "networks", "{front: null, back: null}"),
                row("{networks: {}}", "networks", "{default: null}"),
                row("{networks: {front: {aliases: [a], ipv4_address: 10.0.0.2, priority: 0}}}", "networks",
                        "{front: {aliases: [a], ipv4_address: 10.0.0.2}}"),
                row("{network_mode: host}", "networks", "null"),
                // byte sizes, numbers, booleans, strings
                row("{mem_limit: 512m}", "mem_limit", "'536870912'"),
                row("{mem_limit: 1073741824}", "mem_limit", "'1073741824'"),
                row("{memswap_limit: -1}", "memswap_limit", "'-1'"),
                row("{mem_reservation: 1gb}", "mem_reservation", "'1073741824'"),
                row("{shm_size: 64M}", "shm_size", "'67108864'"),
                row("{shm_size: 0}", "shm_size", "null"),
                row("{cpus: 0.5}", "cpus", "0.5"),
                row("{cpus: '1.5'}", "cpus", "1.5"),
                row("{cpus: 0.001}", "cpus", "0.001"),
                row("{cpu_shares: 0}", "cpu_shares", "null"),
                row("{pids_limit: -1}", "pids_limit", "-1"),
                row("{privileged: false}", "privileged", "null"),
                row("{privileged: 'true'}", "privileged", "true"),
                row("{init: false}", "init", "false"),
                row("{user: 1000}", "user", "'1000'"),
                row("{hostname: ''}", "hostname", "null"),
                row("{restart: 'no'}", "restart", "'no'"),
                row("{pull_policy: if_not_present}", "pull_policy", "missing"),
                row("{scale: 0}", "scale", "0"),
                // string-or-list attributes
                row("{dns: 8.8.8.8}", "dns", "[8.8.8.8]"),
                row("{dns_search: example.com}", "dns_search", "[example.com]"),
                row("{tmpfs: /run}", "tmpfs", "[/run]"),
                row("{group_add: [100, wheel]}", "group_add", "['100', wheel]"),
                row("{cap_add: []}", "cap_add", "null"),
                row("{label_file: ./labels}", "label_file", "[./labels]"),
                // files, secrets, devices
                row("{env_file: .env}", "env_file", "[{path: /work/dir/.env, required: true}]"),
                row("{env_file: [{path: ./a.env, required: false, format: raw}, /abs/b.env]}", "env_file",
                        "[{path: /work/dir/a.env, required: false, format: raw}, {path: /abs/b.env, required: true}]"),
                row("{secrets: [s1, {source: s2, target: /x, uid: 1000, mode: 0400}]}", "secrets",
                        "[{source: s1, target: /run/secrets/s1}, {source: s2, target: /x, uid: '1000', mode: '0400'}]"),
                row("{secrets: [{source: s3, mode: '0440'}]}", "secrets", "[{source: s3, target: /run/secrets/s3, mode: '0440'}]"),
                row("{configs: [c1, {source: c2, target: /c2}]}", "configs", "[{source: c1}, {source: c2, target: /c2}]"),
                row("{devices: ['/dev/sda:/dev/xvda:r', /dev/fuse, 'nvidia.com/gpu=all', {source: /dev/a, target: /dev/b}]}",
                        "devices",
                        "[{source: /dev/sda, target: /dev/xvda, permissions: r},"
                                + " {source: /dev/fuse, target: /dev/fuse, permissions: rwm},"
                                + " {source: 'nvidia.com/gpu=all', target: 'nvidia.com/gpu=all', permissions: rwm},"
                                + " {source: /dev/a, target: /dev/b}]"),
                row("{ulimits: {nproc: 65535, nofile: {soft: 1024, hard: 2048}}}", "ulimits",
                        "{nproc: 65535, nofile: {soft: 1024, hard: 2048}}"),
                row("{blkio_config: {weight: 300, device_read_bps: [{path: /dev/sda, rate: 1mb}],"
                        + " weight_device: [{path: /dev/sdb, weight: 10}]}}", "blkio_config",
                        "{weight: 300, device_read_bps: [{Path: /dev/sda, Rate: '1048576'}],"
                                + " weight_device: [{Path: /dev/sdb, Weight: 10}]}"),
                // deploy, gpus, scale
                row("{deploy: {replicas: 2}}", "deploy", "{replicas: 2, resources: {}, placement: {}}"),
                row("{deploy: {resources: {limits: {cpus: '0.5', memory: 512M, pids: 100},"
                        + " reservations: {devices: [{capabilities: [gpu], driver: nvidia}]}}}}", "deploy",
                        "{resources: {limits: {cpus: 0.5, memory: '536870912', pids: 100},"
                                + " reservations: {devices: [{capabilities: [gpu], driver: nvidia, count: -1}]}},"
                                + " placement: {}}"),
                row("{deploy: {restart_policy: {condition: on-failure, max_attempts: 3, delay: 5s},"
                        + " update_config: {delay: 0s, parallelism: 1}}}", "deploy",
                        "{restart_policy: {condition: on-failure, max_attempts: 3, delay: 5s},"
                                + " update_config: {parallelism: 1}, resources: {}, placement: {}}"),
                row("{scale: 3, deploy: {}}", "deploy", "{replicas: 3, resources: {}, placement: {}}"),
                row("{gpus: all}", "gpus", "[{count: -1}]"),
                row("{gpus: [{driver: nvidia, count: 2}]}", "gpus", "[{driver: nvidia, count: 2}]"),
                // lifecycle hooks and develop
                row("{post_start: [{command: ./hook.sh, user: root}]}", "post_start", "[{command: [./hook.sh], user: root}]"),
                row("{pre_stop: [{user: root}]}", "pre_stop", "[{user: root, command: null}]"),
                row("{develop: {watch: [{path: [./a, ./b], action: sync, target: /app}]}}", "develop",
                        "{watch: [{path: /work/dir/a, action: sync, target: /app, exec: {command: null}},"
                                + " {path: /work/dir/b, action: sync, target: /app, exec: {command: null}}]}"),
                // extensions and applied attributes
                row("{image: x, x-team: core}", "x-team", "core"),
                row("{image: x, extends: {service: base}}", "extends", "null"));
    }

    private static Arguments row(String service, String attribute, String expected) {
        return Arguments.of(service, attribute, expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("rules")
    void canonicalForm(String service, String attribute, String expected) {
        MapNode canonical = Fixtures.service(service);
        Node actual = canonical.get(attribute);
        Node want = Fixtures.json(expected);
        if (want instanceof io.jcompose.model.tree.ScalarNode s && s.value() == null
                && !(attribute.equals("command") || attribute.equals("entrypoint"))) {
            assertThat(actual).as(attribute).isNull();
        } else {
            assertThat(actual).as(attribute).isEqualTo(want);
        }
    }
}

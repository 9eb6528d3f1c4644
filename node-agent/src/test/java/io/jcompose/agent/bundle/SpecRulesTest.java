package io.jcompose.agent.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.agent.bundle.oci.OciSpec;
import io.jcompose.agent.error.AgentException;
import io.jcompose.agent.error.ErrorKind;
import io.jcompose.agent.host.HostProfile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules of {@link Capabilities}, {@link Sysctls}, limits and validation, as tables. */
class SpecRulesTest {
    static final ContainerSpec BASE = ContainerSpec.of(Path.of("/rootfs"), List.of("sh"));
    static final ResolvedUser ROOT = new ResolvedUser(0, 0, List.of(), "/root");

    @ParameterizedTest(name = "add [{0}] drop [{1}]")
    @CsvSource(delimiter = '|', value = {
        "                     |             | 14 | CAP_CHOWN           | CAP_NET_ADMIN",
        "NET_ADMIN            |             | 15 | CAP_NET_ADMIN       | CAP_SYS_ADMIN",
        "cap_sys_ptrace       | chown       | 14 | CAP_SYS_PTRACE      | CAP_CHOWN",
        "ALL                  |             | 41 | CAP_SYS_ADMIN       | ",
        "ALL                  | SYS_ADMIN   | 40 | CAP_BPF             | CAP_SYS_ADMIN",
        "NET_BIND_SERVICE     | ALL         | 1  | CAP_NET_BIND_SERVICE| CAP_CHOWN",
        "                     | ALL         | 0  |                     | CAP_KILL",
    })
    void capabilitySetsFollowDockersRules(String add, String drop, int count, String present, String absent) {
        SecuritySpec security = new SecuritySpec(false, list(add), list(drop), false);
        List<String> caps = Capabilities.effective(security, Capabilities.EVERY_CAPABILITY);

        assertThat(caps).hasSize(count).doesNotHaveDuplicates();
        if (present != null) {
            assertThat(caps).contains(present);
        }
        if (absent != null) {
            assertThat(caps).doesNotContain(absent);
        }
    }

    @Test
    void dockerDefaultMaskMatchesWhatTheKernelPrints() {
        // Docker's default set, as `grep CapEff /proc/self/status` shows it in a docker container.
        assertThat(Long.toHexString(Capabilities.mask(Capabilities.DOCKER_DEFAULT))).isEqualTo("a80425fb");
        assertThat(Capabilities.effective(new SecuritySpec(true, List.of(), List.of("ALL"), false), Capabilities.EVERY_CAPABILITY))
                .isEqualTo(Capabilities.ALL);
    }

    @Test
    void allMeansAllTheAgentHasAndAddingOneItLacksIsAnError() {
        long withoutSysResource = Capabilities.EVERY_CAPABILITY & ~(1L << 24);
        assertThat(Capabilities.effective(new SecuritySpec(true, List.of(), List.of(), false), withoutSysResource))
                .hasSize(40).doesNotContain("CAP_SYS_RESOURCE");
        assertThat(Capabilities.effective(new SecuritySpec(false, List.of("ALL"), List.of(), false), withoutSysResource))
                .hasSize(40);
        assertThatThrownBy(() -> Capabilities.effective(new SecuritySpec(false, List.of("SYS_RESOURCE"), List.of(), false),
                withoutSysResource))
                .isInstanceOfSatisfying(AgentException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.FAILED_PRECONDITION));
    }

    @Test
    void unknownCapabilityIsRejectedWithAHint() {
        assertThatThrownBy(() -> Capabilities.effective(new SecuritySpec(false, List.of("NET_WIZARD"), List.of(), false),
                Capabilities.EVERY_CAPABILITY))
                .isInstanceOfSatisfying(AgentException.class, e -> {
                    assertThat(e.getMessage()).contains("cap_add: unknown capability \"NET_WIZARD\"");
                    assertThat(e.fix()).contains("NET_ADMIN");
                });
    }

    @ParameterizedTest(name = "{0} with network {1}, host ipc {2}: {3}")
    @CsvSource(delimiter = '|', value = {
        "net.ipv4.ip_forward        | none | false | ok",
        "net.core.somaxconn         | host | false | not allowed with network_mode: host",
        "kernel.shmmax              | none | false | ok",
        "kernel.shmmax              | none | true  | not allowed with ipc: host",
        "fs.mqueue.msg_max          | host | false | ok",
        "fs.mqueue.msg_max          | none | true  | not allowed with ipc: host",
        "kernel.domainname          | none | false | is not namespaced",
        "vm.swappiness              | none | false | is not namespaced",
    })
    void onlyNamespacedSysctlsAreAllowed(String name, String network, boolean hostIpc, String outcome) {
        NetworkMode mode = network.equals("host") ? NetworkMode.HOST : NetworkMode.NONE;
        Map<String, String> sysctls = Map.of(name, "1");
        if (outcome.equals("ok")) {
            Sysctls.validate(sysctls, mode, hostIpc);
        } else {
            assertThatThrownBy(() -> Sysctls.validate(sysctls, mode, hostIpc)).hasMessageContaining(outcome);
        }
    }

    @ParameterizedTest(name = "host hard {0}, can raise {1}, asked {2}: {3}")
    @CsvSource(delimiter = '|', value = {
        "20000 | false | 20000 | ok",
        "20000 | false | 1024  | ok",
        "20000 | false | 20001 | set it to at most 20000",
        "20000 | false | -1    | set it to at most 20000",
        "20000 | true  | 50000 | ok",
        "-1    | false | -1    | ok",
    })
    void rlimitsCannotExceedTheHostsHardLimitWithoutCapSysResource(long hostHard, boolean canRaise, long hard, String outcome) {
        HostProfile host = new HostProfile(Map.of("RLIMIT_NOFILE", new HostProfile.Rlimit(1024, hostHard)),
                canRaise, true, "h", 2, Capabilities.EVERY_CAPABILITY);
        ContainerSpec spec = BASE.withUlimits(List.of(new Ulimit("nofile", hard == -1 ? 1024 : Math.min(hard, 1024), hard)));
        if (outcome.equals("ok")) {
            assertThat(translate(spec, host).process().rlimits()).hasSize(1);
        } else {
            assertThatThrownBy(() -> translate(spec, host))
                    .isInstanceOfSatisfying(AgentException.class, e -> assertThat(e.fix()).isEqualTo(outcome));
        }
    }

    @ParameterizedTest(name = "agent {0}:{1}, can raise {2}, nr_open {3}, ulimit {4}: {5}:{6}")
    @CsvSource(delimiter = '|', value = {
        // Docker's 1048576 when the agent may raise hard limits, whatever its own are
        "20000 | 20000 | true  | 1048576 |      | 1048576 | 1048576",
        "1024  | 4096  | true  | 1048576 |      | 1048576 | 1048576",
        // a kernel with a lower fs.nr_open caps it
        "1024  | 4096  | true  | 65536   |      | 65536   | 65536",
        // without CAP_SYS_RESOURCE the agent's own limits are all it can give
        "20000 | 20000 | false | 1048576 |      | 20000   | 20000",
        // the service's ulimit wins
        "20000 | 20000 | true  | 1048576 | 4096 | 4096    | 4096",
    })
    void containersGetDockersOpenFileLimitUnlessTheirUlimitsSayOtherwise(long agentSoft, long agentHard, boolean canRaise,
            long nrOpen, Long ulimit, long soft, long hard) {
        HostProfile host = new HostProfile(Map.of("RLIMIT_NOFILE", new HostProfile.Rlimit(agentSoft, agentHard)),
                canRaise, true, "h", 2, Capabilities.EVERY_CAPABILITY, nrOpen);
        ContainerSpec spec = ulimit == null ? BASE : BASE.withUlimits(List.of(new Ulimit("nofile", ulimit, ulimit)));
        assertThat(translate(spec, host).process().rlimits()).singleElement().satisfies(r -> {
            assertThat(r.type()).isEqualTo("RLIMIT_NOFILE");
            assertThat(r.soft()).isEqualTo(java.math.BigInteger.valueOf(soft));
            assertThat(r.hard()).isEqualTo(java.math.BigInteger.valueOf(hard));
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "memory below 6 MiB          | below the minimum of 6 MiB",
        "reservation above limit     | must be between 0 and the limit",
        "swap below limit            | memswap_limit",
        "negative pids               | pids_limit",
        "unknown ulimit              | unknown ulimit \"files\"",
        "soft above hard             | soft limit 10 is above the hard limit 5",
        "relative workdir            | is not absolute",
        "env without =               | is not KEY=value",
        "empty command               | has no command",
        "mount on root               | cannot replace the container's root",
        "relative bind source        | bind source",
        "duplicate mount target      | two mounts target /data",
        "bad hostname                | is not a valid host name",
    })
    void invalidSpecsFailAtConstruction(String what, String message) {
        assertThatThrownBy(() -> build(what))
                .isInstanceOfSatisfying(AgentException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
                    assertThat(e.getMessage()).contains(message);
                });
    }

    @Test
    void hostFactsAreEnforcedAtTranslation() {
        HostProfile noSwap = new HostProfile(Map.of(), false, false, "h", 2, Capabilities.EVERY_CAPABILITY);
        assertThatThrownBy(() -> translate(BASE.withResources(new ResourceSpec(64 << 20, 0, 128 << 20, 0, 0, 0)), noSwap))
                .isInstanceOfSatisfying(AgentException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.FAILED_PRECONDITION));
        assertThat(translate(BASE.withResources(ResourceSpec.NONE.withMemory(64 << 20, 0)), noSwap)
                .linux().resources().memory().swap()).isNull();
        assertThatThrownBy(() -> translate(BASE.withResources(ResourceSpec.NONE.withCpu(0, 3)), noSwap))
                .hasMessageContaining("more than the 2 CPUs");
    }

    private static OciSpec translate(ContainerSpec spec, HostProfile host) {
        return SpecTranslator.translate(spec, ROOT, new SpecTranslator.Context("a".repeat(64), host,
                new BundleDir(Path.of("/b")), "/jcompose/x"));
    }

    private static Object build(String what) {
        return switch (what) {
            case "memory below 6 MiB" -> new ResourceSpec(1 << 20, 0, 0, 0, 0, 0);
            case "reservation above limit" -> new ResourceSpec(64 << 20, 128 << 20, 0, 0, 0, 0);
            case "swap below limit" -> new ResourceSpec(64 << 20, 0, 32 << 20, 0, 0, 0);
            case "negative pids" -> new ResourceSpec(0, 0, 0, 0, 0, -5);
            case "unknown ulimit" -> new Ulimit("files", 1, 1);
            case "soft above hard" -> new Ulimit("nofile", 10, 5);
            case "relative workdir" -> ProcessSpec.of(List.of("sh")).withWorkingDir("app");
            case "env without =" -> ProcessSpec.of(List.of("sh")).withEnv(List.of("JUSTKEY"));
            case "empty command" -> ProcessSpec.of(List.of());
            case "mount on root" -> new MountSpec.Tmpfs("/", 0, 0, false, false);
            case "relative bind source" -> new MountSpec.Bind(Path.of("data"), "/data", false, null, false);
            case "duplicate mount target" -> BASE.withMounts(List.of(new MountSpec.Tmpfs("/data", 0, 0, false, false),
                    new MountSpec.Bind(Path.of("/d"), "/data", false, null, false)));
            case "bad hostname" -> BASE.withHostname("has space", "");
            default -> throw new IllegalArgumentException(what);
        };
    }

    private static List<String> list(String csv) {
        return csv == null ? List.of() : List.of(csv.split(","));
    }
}

package io.jcompose.agent.container;

import static io.jcompose.agent.testing.SpecBuilder.edit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jcompose.agent.bundle.Capabilities;
import io.jcompose.agent.bundle.MountSpec;
import io.jcompose.agent.bundle.NetworkMode;
import io.jcompose.agent.bundle.NetworkSpec;
import io.jcompose.agent.bundle.ResourceSpec;
import io.jcompose.agent.bundle.RootfsSpec;
import io.jcompose.agent.bundle.SecuritySpec;
import io.jcompose.agent.bundle.Ulimit;
import io.jcompose.agent.host.CgroupLayout;
import io.jcompose.agent.host.HostProfile;
import io.jcompose.agent.testing.AgentFixture;
import io.jcompose.agent.testing.AgentFixture.Run;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real containers from the busybox rootfs, checked from inside. */
class ContainerIsolationIT {
    static AgentFixture agent;

    @BeforeAll
    static void start() {
        agent = AgentFixture.start();
    }

    @AfterAll
    static void stop() {
        if (agent != null) {
            agent.close();
        }
    }

    @AfterEach
    void removeContainers() {
        agent.removeAll();
    }

    @Test
    void processIsPidOneWithItsOwnHostnameEnvAndWorkingDirectory() {
        Run run = agent.run("basics", edit(agent.spec("sh", "-c",
                "echo pid=$$; hostname; echo FOO=$FOO; pwd; echo HOME=$HOME; cat /etc/hostname; ls -d /proc/[0-9]* | wc -l"), s -> s
                .withHostname("box", "")
                .withProcess(s.process().withEnv(List.of("FOO=bar baz")).withWorkingDir("/srv"))));

        assertThat(run.exitCode()).isZero();
        List<String> lines = run.stdout().lines().toList();
        assertThat(lines.subList(0, 6)).containsExactly("pid=1", "box", "FOO=bar baz", "/srv", "HOME=/root", "box");
        // sh, ls and wc at most: none of the host's processes is visible.
        assertThat(Integer.parseInt(lines.get(6).strip())).isBetween(1, 3);
    }

    @Test
    void userAndGroupsComeFromTheImagesAccountFiles() {
        Run run = agent.run("user", edit(agent.spec("sh", "-c", "id -u; id -g; id -G; echo $HOME"), s -> s
                .withProcess(s.process().withUser("app", List.of("audio", "3000")))));

        assertThat(run.exitCode()).isZero();
        List<String> lines = run.stdout().lines().toList();
        assertThat(lines.get(0)).isEqualTo("1000");
        assertThat(lines.get(1)).isEqualTo("1000");
        assertThat(Set.of(lines.get(2).split(" "))).containsExactlyInAnyOrder("1000", "2000", "29", "3000");
        assertThat(lines.get(3)).isEqualTo("/home/app");
    }

    @Test
    void capabilitiesAreDockersDefaultsAdjustedByAddAndDrop() {
        Run defaults = agent.run("caps", agent.spec("grep", "-E", "^Cap(Eff|Bnd):", "/proc/self/status"));
        Run adjusted = agent.run("caps2", edit(agent.spec("grep", "-E", "^Cap(Eff|Bnd):", "/proc/self/status"), s -> s
                .withSecurity(new SecuritySpec(false, List.of("NET_ADMIN"), List.of("MKNOD", "NET_RAW"), true))));

        String expectedDefault = String.format("%016x", Capabilities.mask(Capabilities.DOCKER_DEFAULT));
        assertThat(defaults.stdout()).contains("CapEff:\t" + expectedDefault).contains("CapBnd:\t" + expectedDefault);
        List<String> caps = Capabilities.effective(new SecuritySpec(false, List.of("NET_ADMIN"), List.of("MKNOD", "NET_RAW"), false),
                Capabilities.EVERY_CAPABILITY);
        assertThat(adjusted.stdout()).contains("CapEff:\t" + String.format("%016x", Capabilities.mask(caps)));
        assertThat(Capabilities.mask(caps) & (1L << 12)).as("NET_ADMIN").isNotZero();
    }

    @Test
    void readOnlyRootStillHasWritableTmpfsAndEtcFiles() {
        Run run = agent.run("ro", edit(agent.spec("sh", "-c",
                "touch /probe 2>&1; echo root=$?; touch /run/ok && echo tmpfs=$?; grep -c localhost /etc/hosts"), s -> s
                .withRootfs(new RootfsSpec(s.rootfs().path(), true))
                .withMounts(List.of(new MountSpec.Tmpfs("/run", 1 << 20, 0755, false, true)))));

        assertThat(run.stdout()).contains("Read-only file system").contains("root=1").contains("tmpfs=0");
        assertThat(Files.exists(agent.rootfs().resolve("probe"))).isFalse();
    }

    @Test
    void exitCodesAreReportedAndAMissingProgramFailsTheStartCleanly() {
        assertThat(agent.run("exit42", agent.spec("sh", "-c", "exit 42")).exitCode()).isEqualTo(42);

        var c = agent.create("missing", agent.spec("/no/such/program"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> agent.client().start(c.id()))
                .hasMessageContaining("failed to start").hasMessageContaining("/no/such/program");
        assertThat(agent.client().inspect(c.id()).state()).isEqualTo("created");
        assertThat(agent.host().leftoverCgroups()).allSatisfy(dir ->
                assertThat(dir.toFile().listFiles(java.io.File::isDirectory)).isEmpty());
    }

    @Test
    void bindMountsRespectReadOnlyAndTheNetworkIsIsolated() throws Exception {
        var data = Files.createDirectories(agent.host().root().resolve("bind-data"));
        Files.writeString(data.resolve("hello.txt"), "from the host");
        Run run = agent.run("bind", edit(agent.spec("sh", "-c",
                "cat /data/hello.txt; echo; touch /data/x 2>&1; ls /sys/class/net"), s -> s
                .withMounts(List.of(new MountSpec.Bind(data, "/data", true, null, false)))));

        assertThat(run.stdout()).contains("from the host").contains("Read-only file system");
        assertThat(run.stdout().lines().toList().getLast()).isEqualTo("lo");
    }

    @Test
    void hostNetworkSharesTheHostsInterfacesAndName() throws Exception {
        Run run = agent.run("hostnet", edit(agent.spec("sh", "-c", "hostname; ls /sys/class/net | wc -l"), s -> s
                .withNetwork(NetworkSpec.of(NetworkMode.HOST))));

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout().lines().toList().getFirst()).isEqualTo(Files.readString(java.nio.file.Path.of("/proc/sys/kernel/hostname")).strip());
    }

    @Test
    void privilegedContainerSharingHostPidAndIpcRuns() throws Exception {
        Run run = agent.run("priv", edit(agent.spec("sh", "-c", "grep CapEff /proc/self/status; cat /proc/1/comm"), s -> s
                .withSecurity(new SecuritySpec(true, List.of(), List.of(), false))
                .withNamespaces(new io.jcompose.agent.bundle.NamespaceSpec(true, true, false))));

        long hostCaps = io.jcompose.agent.host.HostProfile.effectiveCapabilities(Files.readString(java.nio.file.Path.of("/proc/self/status")));
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).contains("CapEff:\t" + String.format("%016x", Capabilities.mask(Capabilities.ALL) & hostCaps));
        assertThat(run.stdout().lines().toList().getLast())
                .isEqualTo(Files.readString(java.nio.file.Path.of("/proc/1/comm")).strip());
    }

    @Test
    void aTtyContainerGetsATerminalAndItsOutputIsLogged() {
        Run run = agent.run("tty", edit(agent.spec("sh", "-c", "tty; echo TERM=$TERM; exit 3"), s -> s
                .withProcess(s.process().withTty(true, false))));

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.stdout()).contains("/dev/pts/0").contains("TERM=xterm");
    }

    @Test
    void ulimitsAndSysctlsApply() {
        Run run = agent.run("limits", edit(agent.spec("sh", "-c",
                "ulimit -n; ulimit -H -n; cat /proc/sys/net/core/somaxconn"), s -> s
                .withUlimits(List.of(new Ulimit("nofile", 512, 1024)))
                .withSysctls(Map.of("net.core.somaxconn", "321"))));

        assertThat(run.stdout().lines()).containsExactly("512", "1024", "321");
    }

    @Test
    void withoutUlimitsTheOpenFileLimitIsDockers() {
        Run run = agent.run("nofile", agent.spec("sh", "-c", "ulimit -n; ulimit -H -n"));

        // Docker's 1048576 (capped by fs.nr_open) needs CAP_SYS_RESOURCE to go above the agent's own hard
        // limit; a sandbox that withholds it from root gets the agent's limits.
        HostProfile host = HostProfile.detect(CgroupLayout.detect());
        String expected = Long.toString(host.canRaiseHardLimits() ? Math.min(1L << 20, host.nrOpen())
                : host.rlimits().get("RLIMIT_NOFILE").hard());
        assertThat(run.stdout().lines()).as("nginx and redis size their tables from it").containsExactly(expected, expected);
    }

    @Test
    void memoryHogIsKilledByTheLimitWithExit137AndMarkedOom() {
        CgroupLayout layout = CgroupLayout.detect();
        assumeTrue(layout.hasV1("memory") || layout.unifiedControllers().contains("memory"), "memory controller present");
        Run run = agent.run("hog", edit(agent.spec("sh", "-c", "x=0123456789abcdef; while true; do x=$x$x; done"), s -> s
                .withResources(ResourceSpec.NONE.withMemory(32L << 20, 0))));

        assertThat(run.exitCode()).isEqualTo(137);
        assertThat(agent.client().inspect(run.id()).oomKilled()).isTrue();
        assertThat(java.nio.file.Path.of("oom")).as("conmon's marker stays in the container's directory").doesNotExist();
    }

    @Test
    void pidsLimitStopsAForkBomb() {
        assumeTrue(CgroupLayout.detect().hasV1("pids") || CgroupLayout.detect().unifiedControllers().contains("pids"));
        Run run = agent.run("pids", edit(agent.spec("sh", "-c",
                "i=0; while [ $i -lt 30 ]; do sleep 5 & i=$((i+1)); done 2>&1; echo done; kill $(jobs -p) 2>/dev/null; exit 0"), s -> s
                .withResources(ResourceSpec.NONE.withPidsLimit(8))));

        assertThat(run.stdout() + run.stderr()).containsIgnoringCase("fork");
    }
}

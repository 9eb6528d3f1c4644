package io.jcompose.agent.api.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.agent.bundle.ContainerSpec;
import io.jcompose.agent.bundle.MountSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class InitProcessTest {
    private static ContainerSpecBody withInit(List<String> command) {
        ContainerSpecBody b = ContainerSpecBody.ofRootfs("/tmp", command);
        return new ContainerSpecBody(b.command(), b.env(), b.workingDir(), b.user(), b.groupAdd(), b.tty(), b.stdinOpen(),
                b.rootfs(), b.readOnly(), b.hostname(), b.domainname(), b.networkMode(), b.netnsPath(), b.extraHosts(),
                b.dns(), b.dnsSearch(), b.dnsOptions(), b.hostPid(), b.hostIpc(), b.hostCgroupns(), b.privileged(),
                b.capAdd(), b.capDrop(), b.noNewPrivileges(), b.memoryLimit(), b.memoryReservation(), b.memorySwap(),
                b.cpuShares(), b.cpus(), b.pidsLimit(), b.ulimits(), b.sysctls(), b.mounts(), b.shmSize(),
                b.stopSignal(), b.stopGracePeriodMillis(), null, null, null, null, null, null, true);
    }

    @Test
    void initRunsTheCommandUnderTiniMountedReadOnly() {
        ContainerSpec spec = SpecBodies.toDomain(withInit(List.of("sleep", "-x", "5")));
        assertThat(spec.process().args()).containsExactly("/sbin/docker-init", "--", "sleep", "-x", "5");
        assertThat(spec.mounts()).contains(new MountSpec.Bind(InitProcess.HOST_BINARY, "/sbin/docker-init", true,
                MountSpec.Propagation.RPRIVATE, false));
    }

    @Test
    void aStoredSpecReadBackIsNotWrappedTwice() {
        ContainerSpec once = SpecBodies.toDomain(withInit(List.of("sh")));
        ContainerSpec again = SpecBodies.toDomain(SpecBodies.fromDomain(once));
        assertThat(again.process().args()).containsExactly("/sbin/docker-init", "--", "sh");
        assertThat(again.mounts()).hasSize(1);
    }

    @Test
    void initWithoutACommandIsRefused() {
        assertThatThrownBy(() -> SpecBodies.toDomain(withInit(List.of()))).hasMessageContaining("needs a command");
    }
}

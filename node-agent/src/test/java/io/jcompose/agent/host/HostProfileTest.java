package io.jcompose.agent.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.agent.host.HostProfile.Rlimit;
import org.junit.jupiter.api.Test;

class HostProfileTest {
    @Test
    void parsesTheLimitsTableIncludingUnlimited() {
        String limits = """
                Limit                     Soft Limit           Hard Limit           Units
                Max cpu time              unlimited            unlimited            seconds
                Max stack size            8388608              unlimited            bytes
                Max processes             96365                96365                processes
                Max open files            20000                20000                files
                Max nice priority         0                    0
                """;

        assertThat(HostProfile.parseLimits(limits))
                .containsEntry("RLIMIT_CPU", new Rlimit(Rlimit.UNLIMITED, Rlimit.UNLIMITED))
                .containsEntry("RLIMIT_STACK", new Rlimit(8388608, Rlimit.UNLIMITED))
                .containsEntry("RLIMIT_NOFILE", new Rlimit(20000, 20000))
                .containsEntry("RLIMIT_NPROC", new Rlimit(96365, 96365))
                .containsEntry("RLIMIT_NICE", new Rlimit(0, 0));
    }

    @Test
    void readsTheEffectiveCapabilityMask() {
        long mask = HostProfile.effectiveCapabilities("Name:\tjava\nCapInh:\t0\nCapEff:\t000001fffeffffff\n");

        assertThat(mask & (1L << 24)).as("CAP_SYS_RESOURCE").isZero();
        assertThat(mask & (1L << 21)).as("CAP_SYS_ADMIN").isNotZero();
    }
}

package io.jcompose.agent.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.agent.error.AgentException;
import io.jcompose.agent.error.ErrorKind;
import io.jcompose.agent.host.CgroupLayout;
import io.jcompose.agent.testing.TestHost;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RuntimeDetectorIT {
    private TestHost host;
    private RuntimeDetector detector;
    private CgroupLayout layout;

    @BeforeEach
    void setUp() {
        host = TestHost.create();
        layout = CgroupLayout.detect();
        detector = new RuntimeDetector(host.root().resolve("probe"), host.cgroupParent(), layout);
    }

    @AfterEach
    void tearDown() {
        host.close();
    }

    @Test
    void choosesARuntimeThatReallyCreatesContainersAndSaysWhy() {
        RuntimeSelection selection = detector.select(RuntimeDetector.DEFAULT_PREFERENCE);

        assertThat(selection.chosen().name()).isIn("crun", "runc");
        assertThat(selection.verdicts().getLast().works()).isTrue();
        assertThat(selection.reason()).startsWith("using " + selection.chosen().name())
                .contains("a probe container was created and deleted");
        // The probe removed its own cgroup leaf; only the (empty) parent may remain.
        assertThat(host.leftoverCgroups()).allSatisfy(dir ->
                assertThat(dir.toFile().listFiles(java.io.File::isDirectory)).isEmpty());
    }

    @Test
    void crunIsRejectedOnAHybridHostWithUnifiedControllersAndTheReasonSaysSo() {
        org.junit.jupiter.api.Assumptions.assumeTrue(layout.kind() == CgroupLayout.Kind.HYBRID
                && !layout.unifiedControllers().isEmpty(), "only a hybrid host with v2 controllers makes crun 1.8 fail");
        RuntimeVerdict crun = detector.judge("crun");

        org.junit.jupiter.api.Assumptions.assumeTrue(crun.binary() != null, "crun is installed");
        assertThat(crun.works()).isFalse();
        assertThat(crun.reason()).contains("hybrid").contains(layout.unifiedControllers().getFirst());
        assertThat(detector.select(List.of("crun", "runc")).chosen().name()).isEqualTo("runc");
    }

    @Test
    void aMissingRuntimeIsNamedAndNoneWorkingIsUnavailableWithAFix() {
        assertThat(detector.judge("no-such-runtime").reason()).startsWith("not installed");

        assertThatThrownBy(() -> detector.select(List.of("no-such-runtime")))
                .isInstanceOfSatisfying(AgentException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
                    assertThat(e.fix()).contains("apt-get install runc");
                });
    }
}

package io.jcompose.agent.volume;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jcompose.agent.api.v1.VolumeView;
import io.jcompose.agent.syscall.Libc;
import io.jcompose.agent.testing.AgentFixture;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * The agent the root-tier volume tests share per class: started once (root only), its containers and the
 * volumes the test named with the run's prefix removed after each test, stopped at the end.
 */
abstract class VolumeAgent {
    static AgentFixture agent;

    @BeforeAll
    static void start() {
        assumeTrue(Libc.geteuid() == 0, "root-tier test");
        agent = AgentFixture.start();
    }

    @AfterAll
    static void stop() {
        if (agent != null) {
            agent.close();
        }
    }

    @AfterEach
    void cleanUp() {
        agent.removeAll();
        for (VolumeView v : agent.client().volumes(List.of())) {
            if (v.name().startsWith(agent.host().prefix())) {
                agent.client().removeVolume(v.name(), true);
            }
        }
    }

    /** A volume name of this run: the host's prefix keeps it apart from any other agent's. */
    static String volume(String name) {
        return agent.host().prefix() + "-" + name;
    }
}

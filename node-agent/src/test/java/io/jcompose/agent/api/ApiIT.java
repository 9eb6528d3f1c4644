package io.jcompose.agent.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.agent.api.v1.VersionView;
import io.jcompose.agent.daemon.AgentConfig;
import io.jcompose.agent.daemon.Daemon;
import io.jcompose.agent.error.AgentException;
import io.jcompose.agent.error.ErrorKind;
import io.jcompose.agent.host.HostCommand;
import io.jcompose.agent.testing.AgentFixture;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The socket, the version endpoint, error bodies and the one-agent rule. */
class ApiIT {
    @Test
    void socketAnswersVersionAndErrorsCarryKindAndFix() throws Exception {
        try (AgentFixture agent = AgentFixture.start()) {
            AgentConfig config = agent.daemon().agent().config();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config.socket()))).isEqualTo("rw-rw----");
            assertThat(Files.readString(config.readyFile())).isEqualTo(Long.toString(ProcessHandle.current().pid()));

            VersionView version = agent.client().version();
            assertThat(version.apiVersion()).isEqualTo("v1");
            assertThat(version.runtime()).isIn("runc", "crun");
            assertThat(version.runtimeReason()).startsWith("using " + version.runtime());

            // Plain HTTP from another client, when curl is installed: status and JSON error body.
            if (Files.isExecutable(java.nio.file.Path.of("/usr/bin/curl"))) {
                HostCommand.Result curl = HostCommand.run(List.of("/usr/bin/curl", "-s", "-w", "\\n%{http_code}",
                        "--unix-socket", config.socket().toString(), "http://agent/v1/nothing"));
                assertThat(curl.stdout()).contains("\"kind\":\"NOT_FOUND\"").endsWith("404");
            }

            assertThatThrownBy(() -> Daemon.start(config))
                    .isInstanceOfSatisfying(AgentException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
                        assertThat(e.problem()).contains("another agent (pid " + ProcessHandle.current().pid() + ")");
                    });
            assertThat(agent.client().version().pid()).as("the running agent is untouched").isEqualTo(version.pid());
        }
    }
}

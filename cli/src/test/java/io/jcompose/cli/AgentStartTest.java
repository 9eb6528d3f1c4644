package io.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The agent's own start line, read without picocli, means exactly what picocli reads in it; any other line is left to picocli. */
class AgentStartTest {
    @Test
    void aPlainLineGivesTheOptionsPicocliGives() {
        for (String[] line : new String[][] {
                {"agent"},
                {"agent", "--runtime-dir", "/tmp/jt/run", "--data-root", "/tmp/jt/data", "--cgroup-parent", "/jtabc"},
                {"agent", "--runtime-dir", "/tmp/jt/run", "--network-prefix", "jtabc123", "--address-pools",
                        "10.213.0.0/16:24,10.214.0.0/16:24", "--resolv-conf", "/tmp/jt/resolv.conf"},
                {"agent", "--runtime", "crun,runc", "--insecure-registry", "r1:5000", "--insecure-registry", "r2:5000",
                        "--log-max-size", "512k", "--log-max-file", "3"},
                {"agent", "--runtime", "runc", "--log-max-size", "twenty"}}) {
            assertThat(AgentStart.parse(line)).as(Arrays.toString(line)).isNotNull().isEqualTo(picocli(line));
        }
    }

    @Test
    void anyOtherLineIsLeftToPicocli() {
        for (String[] line : new String[][] {
                {}, {"ps"}, {"agent", "status"}, {"agent", "stop", "--runtime-dir", "/tmp"}, {"agent", "--help"},
                {"agent", "-h", "x"}, {"agent", "--runtime-dir=/tmp/jt/run"}, {"agent", "--runtime-dir"},
                {"agent", "--runtime-dir", "/a", "--runtime-dir", "/b"}, {"agent", "--data-root", "--runtime-dir"},
                {"agent", "--unknown", "x"}, {"agent", "--log-max-file", "three"}, {"agent", "--runtime", "crun,"},
                {"agent", "--runtime", "a", "--runtime", "b"}, {"agent", "--cgroup-parent", ""},
                {"agent", "--data-root", "\"/tmp/x\""}}) {
            assertThat(AgentStart.parse(line)).as(Arrays.toString(line)).isNull();
        }
    }

    private static AgentStart picocli(String[] line) {
        AgentCommand agent = new AgentCommand();
        new CommandLine(agent).parseArgs(Arrays.copyOfRange(line, 1, line.length));
        return agent.start();
    }
}

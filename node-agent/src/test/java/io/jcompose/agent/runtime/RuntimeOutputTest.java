package io.jcompose.agent.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.agent.host.HostCommand;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuntimeOutputTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "runc version 1.1.5+ds1\\ncommit: 1.1.5+ds1-1+deb12u1\\nspec: 1.0.2-dev | 1.1.5+ds1",
        "crun version 1.8.1\\ncommit: f8a096b                                | 1.8.1",
        "something odd                                                        | something odd",
    })
    void versionIsTheWordAfterVersionOnTheFirstLine(String output, String version) {
        assertThat(RuntimeBinary.parseVersion(output.replace("\\n", "\n"))).isEqualTo(version);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "time=\"2026-11-23T21:50:40Z\" level=error msg=\"runc create failed: exec: \\\"/x\\\": no such file\" | runc create failed: exec: \"/x\": no such file",
        "cgroups in hybrid mode not supported, drop all controllers from cgroupv2 | cgroups in hybrid mode not supported, drop all controllers from cgroupv2",
    })
    void runtimeMessageIsRuncsMsgFieldOrThePlainText(String stderr, String message) {
        assertThat(HostCommand.runtimeMessage(stderr)).isEqualTo(message);
    }
}

package io.jcompose.agent.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Which runc states the agent deletes itself; everything else is left to {@code runc delete}. */
class StoppedRuncStateTest {
    private static final String ID = "a".repeat(64);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A runc 1.1 state.json as the agent's containers have it, with {@code %s} for the config's extras. */
    private static JsonNode state(String pidPath, String hooks, String cgroupPath) {
        return JSON.readTree("""
                {"id": "%s", "init_process_pid": 1, "init_process_start": 1, "intel_rdt_path": "",
                 "cgroup_paths": {"": "/sys/fs/cgroup/unified/jl/%s", "memory": "%s"},
                 "config": {"namespaces": [{"type": "NEWPID", "path": "%s"}, {"type": "NEWNET", "path": "/run/x"}],
                            "cgroups": {"path": "/jl/%s"},
                            "Hooks": {"poststop": %s, "prestart": null}}}
                """.formatted(ID, ID, cgroupPath, pidPath, ID, hooks));
    }

    @Test
    void anOwnPidNamespaceWithoutHooksMeansRemovingItsCgroups() {
        assertThat(StoppedRuncState.cgroupsIfSimple(state("", "null", "/sys/fs/cgroup/memory/jl/" + ID), ID))
                .containsExactly(Path.of("/sys/fs/cgroup/unified/jl/" + ID), Path.of("/sys/fs/cgroup/memory/jl/" + ID));
    }

    @Test
    void aSharedPidNamespaceHooksOrAForeignCgroupAreLeftToTheRuntime() {
        assertThat(StoppedRuncState.cgroupsIfSimple(state("/proc/7/ns/pid", "null", "/sys/fs/cgroup/memory/jl/" + ID),
                ID)).isNull();
        assertThat(StoppedRuncState.cgroupsIfSimple(state("", "[{\"path\": \"/bin/true\"}]",
                "/sys/fs/cgroup/memory/jl/" + ID), ID)).isNull();
        assertThat(StoppedRuncState.cgroupsIfSimple(state("", "null", "/sys/fs/cgroup/memory"), ID)).isNull();
        assertThat(StoppedRuncState.cgroupsIfSimple(state("", "null", "/tmp/elsewhere/" + ID), ID)).isNull();
        assertThat(StoppedRuncState.cgroupsIfSimple(state("", "null", "/sys/fs/cgroup/memory/jl/" + ID), "b".repeat(64)))
                .isNull();
    }

    @Test
    void aLiveInitOrAnUnknownStateChangesNothing(@TempDir Path root) throws IOException {
        Path dir = Files.createDirectories(root.resolve(ID));
        // this test's own pid with its real start time: runc would call the container running
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String start = stat.substring(stat.lastIndexOf(')') + 2).split(" ")[19];
        String live = JSON.writeValueAsString(state("", "null", "/sys/fs/cgroup/memory/jl/" + ID))
                .replace("\"init_process_pid\":1", "\"init_process_pid\":" + ProcessHandle.current().pid())
                .replace("\"init_process_start\":1", "\"init_process_start\":" + start);
        Files.writeString(dir.resolve("state.json"), live);
        assertThat(StoppedRuncState.destroy(root, ID)).isFalse();
        Files.writeString(dir.resolve("state.json"), "{\"crun\": true}");
        assertThat(StoppedRuncState.destroy(root, ID)).isFalse();
        Files.delete(dir.resolve("state.json"));
        assertThat(StoppedRuncState.destroy(root, ID)).isFalse();
        assertThat(dir).exists();
    }
}

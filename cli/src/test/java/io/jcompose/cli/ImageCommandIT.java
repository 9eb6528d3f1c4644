package io.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jcompose.agent.client.AgentControl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image commands through the real launcher, against an agent the first command starts in the
 * background (JCOMPOSE_RUNTIME_DIR / JCOMPOSE_DATA_ROOT / JCOMPOSE_CGROUP_PARENT point it at this test's own
 * directories and cgroup): {@code image load}, {@code image ls --format json}, {@code image rm}. Root only.
 */
class ImageCommandIT {
    private static final Path LAUNCHER = Path.of("..", "jcompose").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    private Path runtime;
    private IsolatedAgent agent;

    @AfterEach
    void stopTheAgentItStartedAndRemoveWhatItKeeps() throws Exception {
        if (runtime != null) {
            AgentControl.stop(runtime, Duration.ofSeconds(30));
        }
        if (agent != null) agent.remove();
    }

    @Test
    void loadListRemoveWithAnAgentStartedOnDemand() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "the agent runs as root only");
        agent = IsolatedAgent.in(tmp);
        runtime = agent.runtime();
        Map<String, String> env = agent.env();
        assertThat(AgentControl.status(runtime)).isEmpty();

        Result load = run(env, "image", "load", "-i", dockerArchive("jt/hello:1").toString());
        assertThat(load.exit).as(load.output).isZero();
        assertThat(load.output).contains("started the agent").contains("Loaded image: docker.io/jt/hello:1");
        assertThat(AgentControl.status(runtime)).isPresent();
        assertThat(Files.readString(runtime.resolve("agent.log"))).contains("ready on");

        Result ls = run(env, "image", "ls", "--format", "json");
        assertThat(ls.exit).as(ls.output).isZero();
        assertThat(ls.output).doesNotContain("started the agent")
                .contains("\"Repository\":\"jt/hello\"", "\"Tag\":\"1\"", "\"Labels\":{\"org.example\":\"yes\"}");

        Result inspect = run(env, "image", "inspect", "jt/hello:1");
        assertThat(inspect.output).contains("\"cmd\":[\"/bin/sh\",\"-c\",\"echo hi\"]", "\"env\":[\"PATH=/bin\"]");

        Result rm = run(env, "image", "rm", "jt/hello:1");
        assertThat(rm.exit).as(rm.output).isZero();
        assertThat(rm.output).contains("Removed: jt/hello:1");
        Result empty = run(env, "image", "ls", "-q");
        assertThat(empty.exit).isZero();
        assertThat(empty.output).isBlank();

        Result missing = run(env, "image", "rm", "jt/hello:1");
        assertThat(missing.exit).isEqualTo(1);
        assertThat(missing.output).contains("no such image: jt/hello:1");
    }

    /** A one-layer {@code docker save} archive made with tar(1): manifest.json, the config, the layer. */
    private Path dockerArchive(String tag) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("archive"));
        Path content = Files.createDirectories(tmp.resolve("content/etc"));
        Files.writeString(content.resolve("motd"), "hello\n");
        Path layer = dir.resolve("layer.tar");
        exec(List.of("tar", "-cf", layer.toString(), "-C", tmp.resolve("content").toString(), "etc"));
        String diffId = "sha256:" + sha256(Files.readAllBytes(layer));
        String config = """
                {"architecture":"amd64","os":"linux","created":"2024-01-01T00:00:00Z",\
                "config":{"Env":["PATH=/bin"],"Cmd":["/bin/sh","-c","echo hi"],"Labels":{"org.example":"yes"}},\
                "rootfs":{"type":"layers","diff_ids":["%s"]}}""".formatted(diffId);
        String configName = sha256(config.getBytes(StandardCharsets.UTF_8)) + ".json";
        Files.writeString(dir.resolve(configName), config);
        Files.writeString(dir.resolve("manifest.json"),
                "[{\"Config\":\"" + configName + "\",\"RepoTags\":[\"" + tag + "\"],\"Layers\":[\"layer.tar\"]}]");
        Path archive = tmp.resolve("hello.tar");
        exec(List.of("tar", "-cf", archive.toString(), "-C", dir.toString(), "manifest.json", configName, "layer.tar"));
        return archive;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static void exec(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).inheritIO().start();
        assertThat(p.waitFor()).as(String.join(" ", command)).isZero();
    }

    private record Result(int exit, String output) {
    }

    private static Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), output);
    }
}

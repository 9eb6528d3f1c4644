package io.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code jcompose version} and {@code --help} start a fresh JVM every time, so what they load is what they
 * cost: they must not touch the compose model (YAML parser, loader) or any logging framework. Checked in
 * a child JVM with class-load logging, the only way to see what a cold start loads.
 */
class StartupClassesTest {

    private static String classesLoadedBy(String... args) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new java.util.ArrayList<>(List.of(java.toString(), "-Xlog:class+load=info:stderr",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String log = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).isZero();
        return log;
    }

    @Test
    void versionLoadsNeitherTheModelNorALoggingFramework() throws Exception {
        String log = classesLoadedBy("version");

        assertThat(log).contains("io.jcompose.cli.VersionCommand");
        assertThat(log).doesNotContain("io.jcompose.model.", "org.snakeyaml", "tools.jackson",
                "java.util.logging.", "org.slf4j", "ch.qos.logback", "io.jcompose.agent.", "io.netty.");
    }

    @Test
    void helpLoadsNeitherTheModelNorALoggingFramework() throws Exception {
        String log = classesLoadedBy("--help");

        assertThat(log).doesNotContain("io.jcompose.model.", "org.snakeyaml", "java.util.logging.", "org.slf4j",
                "io.jcompose.agent.", "io.netty.");
    }
}

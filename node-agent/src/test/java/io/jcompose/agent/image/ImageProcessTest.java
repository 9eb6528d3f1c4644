package io.jcompose.agent.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.agent.api.v1.ContainerSpecBody;
import io.jcompose.image.config.ImageConfig;
import io.jcompose.image.manifest.Platform;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The Compose rules for a container's process from its image, as a table. */
class ImageProcessTest {
    static final ImageConfig IMAGE = new ImageConfig(Platform.LINUX_AMD64, "app", List.of("PATH=/bin", "MODE=prod"),
            List.of("/entry.sh"), List.of("serve", "--port", "80"), "/srv", Set.of(), Set.of(), null, "SIGQUIT",
            Map.of(), List.of(), null);
    static final ImageConfig BARE = new ImageConfig(Platform.LINUX_AMD64, "", List.of(), List.of(), List.of("/bin/sh"),
            "", Set.of(), Set.of(), null, "", Map.of(), List.of(), null);

    static Stream<Arguments> commands() {
        return Stream.of(
                // image, service entrypoint, service command → args
                Arguments.of(IMAGE, null, null, List.of("/entry.sh", "serve", "--port", "80")),
                Arguments.of(IMAGE, null, List.of("debug"), List.of("/entry.sh", "debug")),
                Arguments.of(IMAGE, List.of("/other"), null, List.of("/other")),
                Arguments.of(IMAGE, List.of("/other"), List.of("x"), List.of("/other", "x")),
                Arguments.of(IMAGE, List.of(), null, List.of()),
                Arguments.of(IMAGE, List.of(), List.of("sh", "-c", "true"), List.of("sh", "-c", "true")),
                Arguments.of(IMAGE, null, List.of(), List.of("/entry.sh")),
                Arguments.of(BARE, null, null, List.of("/bin/sh")),
                Arguments.of(BARE, null, List.of("echo", "hi"), List.of("echo", "hi")));
    }

    @ParameterizedTest
    @MethodSource("commands")
    void entrypointAndCommand(ImageConfig image, List<String> entrypoint, List<String> command, List<String> args) {
        assertThat(ImageProcess.merge(image, entrypoint, command, null, null, null, null).args()).isEqualTo(args);
    }

    static Stream<Arguments> environments() {
        return Stream.of(
                Arguments.of(null, List.of("PATH=/bin", "MODE=prod")),
                Arguments.of(List.of("MODE=dev"), List.of("PATH=/bin", "MODE=dev")),
                Arguments.of(List.of("EXTRA=1", "PATH=/usr/bin"), List.of("PATH=/usr/bin", "MODE=prod", "EXTRA=1")),
                Arguments.of(List.of("MODE="), List.of("PATH=/bin", "MODE=")));
    }

    @ParameterizedTest
    @MethodSource("environments")
    void environmentIsTheImagesOverriddenByKey(List<String> service, List<String> env) {
        assertThat(ImageProcess.merge(IMAGE, null, null, service, null, null, null).env()).isEqualTo(env);
    }

    static Stream<Arguments> defaults() {
        return Stream.of(
                // image, service workdir, user, stop signal → merged workdir, user, stop signal
                Arguments.of(IMAGE, null, null, null, "/srv", "app", "SIGQUIT"),
                Arguments.of(IMAGE, "", "", "", "/srv", "app", "SIGQUIT"),
                Arguments.of(IMAGE, "/work", "1000:1000", "SIGINT", "/work", "1000:1000", "SIGINT"),
                Arguments.of(BARE, null, null, null, "", "", null),
                Arguments.of(BARE, "/tmp", "nobody", null, "/tmp", "nobody", null));
    }

    @ParameterizedTest
    @MethodSource("defaults")
    void workingDirUserAndStopSignalDefaultToTheImages(ImageConfig image, String workdir, String user, String signal,
                                                        String wantWorkdir, String wantUser, String wantSignal) {
        ImageProcess.Merged m = ImageProcess.merge(image, null, null, null, workdir, user, signal);
        assertThat(m.workingDir()).isEqualTo(wantWorkdir);
        assertThat(m.user()).isEqualTo(wantUser);
        assertThat(m.stopSignal()).isEqualTo(wantSignal);
    }

    @org.junit.jupiter.api.Test
    void applyKeepsTheRestOfTheSpecAndClearsTheImageFields() {
        ContainerSpecBody body = ContainerSpecBody.ofImage("busybox");
        ContainerSpecBody withHost = new ContainerSpecBody(null, List.of("A=1"), null, null, null, null, null, null, true,
                "web", null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, 5000L,
                body.image(), null, null, null, "always", null, null);
        ContainerSpecBody merged = ImageProcess.apply(withHost, IMAGE, "/rootfs");
        assertThat(merged.command()).containsExactly("/entry.sh", "serve", "--port", "80");
        assertThat(merged.env()).containsExactly("PATH=/bin", "MODE=prod", "A=1");
        assertThat(merged.rootfs()).isEqualTo("/rootfs");
        assertThat(merged.readOnly()).isTrue();
        assertThat(merged.hostname()).isEqualTo("web");
        assertThat(merged.stopGracePeriodMillis()).isEqualTo(5000L);
        assertThat(merged.restart()).isEqualTo("always");
        assertThat(merged.image()).isNull();
        assertThat(merged.entrypoint()).isNull();
    }

    static final io.jcompose.image.config.Healthcheck IMAGE_CHECK = new io.jcompose.image.config.Healthcheck(
            List.of("CMD", "probe"), java.time.Duration.ofSeconds(7), java.time.Duration.ZERO,
            java.time.Duration.ofSeconds(2), java.time.Duration.ZERO, 4);

    @org.junit.jupiter.api.Test
    void theImagesHealthCheckAppliesWhenTheServiceHasNone() {
        var merged = ImageProcess.healthcheck(null, IMAGE_CHECK);
        org.assertj.core.api.Assertions.assertThat(merged.test()).containsExactly("CMD", "probe");
        org.assertj.core.api.Assertions.assertThat(merged.intervalMillis()).isEqualTo(7000L);
        org.assertj.core.api.Assertions.assertThat(merged.timeoutMillis()).as("zero means default").isNull();
        org.assertj.core.api.Assertions.assertThat(merged.startPeriodMillis()).isEqualTo(2000L);
        org.assertj.core.api.Assertions.assertThat(merged.retries()).isEqualTo(4);
    }

    @org.junit.jupiter.api.Test
    void serviceFieldsWinAndUnsetOnesComeFromTheImage() {
        var service = new io.jcompose.agent.api.v1.ContainerSpecBody.HealthcheckBody(List.of("CMD-SHELL", "true"),
                null, 1000L, null, null, null, null);
        var merged = ImageProcess.healthcheck(service, IMAGE_CHECK);
        org.assertj.core.api.Assertions.assertThat(merged.test()).containsExactly("CMD-SHELL", "true");
        org.assertj.core.api.Assertions.assertThat(merged.intervalMillis()).isEqualTo(7000L);
        org.assertj.core.api.Assertions.assertThat(merged.timeoutMillis()).isEqualTo(1000L);
    }

    @org.junit.jupiter.api.Test
    void aDisabledCheckStaysDisabledAndNoImageCheckChangesNothing() {
        var off = new io.jcompose.agent.api.v1.ContainerSpecBody.HealthcheckBody(null, null, null, null, null, null, true);
        org.assertj.core.api.Assertions.assertThat(ImageProcess.healthcheck(off, IMAGE_CHECK)).isSameAs(off);
        org.assertj.core.api.Assertions.assertThat(ImageProcess.healthcheck(null, null)).isNull();
    }
}

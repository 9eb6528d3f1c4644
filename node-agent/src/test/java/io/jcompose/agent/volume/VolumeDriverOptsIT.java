package io.jcompose.agent.volume;

import static io.jcompose.agent.testing.SpecBuilder.edit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.agent.api.v1.ContainerSpecBody;
import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.agent.api.v1.VolumeCreateRequest;
import io.jcompose.agent.api.v1.VolumeView;
import io.jcompose.agent.bundle.MountSpec;
import io.jcompose.agent.error.AgentException;
import io.jcompose.agent.error.ErrorKind;
import io.jcompose.agent.syscall.MountCalls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Local volumes with driver_opts: backed by a host directory, by a tmpfs, or by a mount that fails. */
class VolumeDriverOptsIT extends VolumeAgent {
    private ContainerSpecBody mounting(ContainerSpecBody body, String volume, String target) {
        return edit(body, s -> s.withMounts(List.of(new MountSpec.Volume(volume, target, false, false, null))));
    }

    private Path data(String name) {
        return agent.host().dataRoot().resolve("volumes").resolve(name).resolve("_data");
    }

    @Test
    void aBindBackedVolumeShowsTheHostDirectoryAndItsRemovalKeepsTheFiles() throws Exception {
        Path host = Files.createDirectories(agent.host().root().resolve("hostdir"));
        Files.writeString(host.resolve("from-host"), "host file");
        String name = volume("bind");
        VolumeView created = agent.client().createVolume(new VolumeCreateRequest(name, Map.of(), "local",
                Map.of("type", "none", "o", "bind", "device", host.toString())));
        assertThat(created.driverOpts()).containsEntry("device", host.toString());

        var run = agent.run("bind", mounting(agent.spec("sh", "-c", "cat /v/from-host; echo; echo written > /v/from-container"),
                name, "/v"));
        assertThat(run.stdout()).isEqualTo("host file");
        assertThat(host.resolve("from-container")).hasContent("written");
        assertThat(VolumeMounts.isMounted(data(name))).isTrue();

        agent.removeAll();
        agent.client().removeVolume(name, false);
        assertThat(VolumeMounts.isMounted(data(name))).as("unmounted at removal").isFalse();
        assertThat(data(name).getParent()).doesNotExist();
        assertThat(host.resolve("from-host")).as("the host's files stay").hasContent("host file");
        assertThat(host.resolve("from-container")).hasContent("written");
    }

    @Test
    void aReadOnlyBindIsReadOnlyInside() throws Exception {
        Path host = Files.createDirectories(agent.host().root().resolve("rodir"));
        String name = volume("robind");
        agent.client().createVolume(new VolumeCreateRequest(name, Map.of(), null,
                Map.of("type", "none", "o", "bind,ro", "device", host.toString())));
        var run = agent.run("robind", mounting(agent.spec("sh", "-c", "touch /v/x 2>/dev/null && echo rw || echo ro"),
                name, "/v"));
        assertThat(run.stdout()).isEqualTo("ro");
        assertThat(host.resolve("x")).doesNotExist();
    }

    @Test
    void aTmpfsVolumeIsSharedByItsContainersAndGoneAfterRemoval() throws Exception {
        String name = volume("tmpfs");
        agent.client().createVolume(new VolumeCreateRequest(name, Map.of(), "local",
                Map.of("type", "tmpfs", "device", "tmpfs", "o", "size=4m,uid=1000,mode=0770")));
        ContainerView writer = agent.create("writer", mounting(agent.spec("sh", "-c",
                "echo shared > /t/file; stat -c '%u %a' /t; df -k /t | tail -1; sleep 3600"), name, "/t"));
        agent.client().start(writer.id());
        await(() -> agent.output(writer.id(), true, false).lines().count() >= 2);
        String facts = agent.output(writer.id(), true, false);
        assertThat(facts.lines().findFirst().orElseThrow()).isEqualTo("1000 770");
        assertThat(facts).contains("tmpfs").contains(" 4096 ");

        var reader = agent.run("reader", mounting(agent.spec("cat", "/t/file"), name, "/t"));
        assertThat(reader.stdout()).as("written by the running writer, read by another container").isEqualTo("shared");
        assertThat(Files.exists(data(name).resolve("file"))).as("on the host's view of the volume too").isTrue();

        agent.removeAll();
        agent.client().removeVolume(name, false);
        assertThat(VolumeMounts.isMounted(data(name))).isFalse();
        assertThat(data(name).getParent()).doesNotExist();
    }

    @Test
    void theMountIsMadeAgainAfterItVanished() throws Exception {
        Path host = Files.createDirectories(agent.host().root().resolve("rebootdir"));
        Files.writeString(host.resolve("f"), "again\n");
        String name = volume("reboot");
        agent.client().createVolume(new VolumeCreateRequest(name, Map.of(), null,
                Map.of("type", "none", "o", "bind", "device", host.toString())));
        assertThat(agent.run("first", mounting(agent.spec("cat", "/v/f"), name, "/v")).stdout()).isEqualTo("again");
        MountCalls.umount2(data(name), 0); // what a reboot does to it
        assertThat(VolumeMounts.isMounted(data(name))).isFalse();
        assertThat(agent.run("second", mounting(agent.spec("cat", "/v/f"), name, "/v")).stdout()).isEqualTo("again");
    }

    @Test
    void aMissingDeviceIsRefusedAndNothingIsMade() {
        String name = volume("missing");
        Path missing = agent.host().root().resolve("no-such-dir");
        assertThatThrownBy(() -> agent.client().createVolume(new VolumeCreateRequest(name, Map.of(), null,
                Map.of("type", "none", "o", "bind", "device", missing.toString()))))
                .isInstanceOfSatisfying(AgentException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
                    assertThat(e.getMessage()).contains(missing.toString());
                });
        assertThat(agent.client().volumes(List.of())).extracting(VolumeView::name).doesNotContain(name);
        assertThat(data(name).getParent()).doesNotExist();
    }

    @Test
    void aMountTheKernelRefusesFailsTheStartWithTheReason() {
        String name = volume("badfs");
        agent.client().createVolume(new VolumeCreateRequest(name, Map.of(), null,
                Map.of("type", "ext4", "device", "/dev/null")));
        ContainerView c = agent.create("badfs", mounting(agent.spec("true"), name, "/v"));
        assertThatThrownBy(() -> agent.client().start(c.id()))
                .isInstanceOfSatisfying(AgentException.class, e -> assertThat(e.getMessage())
                        .contains("cannot mount volume " + name).contains("type=ext4 device=/dev/null"));
        assertThat(VolumeMounts.isMounted(data(name))).isFalse();
    }

    @Test
    void anExistingVolumeWithOtherDriverOptionsIsAConflict() {
        String name = volume("conflict");
        Map<String, String> tmpfs = Map.of("type", "tmpfs", "device", "tmpfs", "o", "size=1m");
        VolumeView created = agent.client().createVolume(new VolumeCreateRequest(name, Map.of(), null, tmpfs));
        assertThat(agent.client().createVolume(new VolumeCreateRequest(name, Map.of(), null, tmpfs))).isEqualTo(created);
        for (Map<String, String> other : List.of(Map.<String, String>of(), Map.of("type", "tmpfs", "device", "tmpfs", "o", "size=2m"))) {
            assertThatThrownBy(() -> agent.client().createVolume(new VolumeCreateRequest(name, Map.of(), null, other)))
                    .isInstanceOfSatisfying(AgentException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.ALREADY_EXISTS);
                        assertThat(e.getMessage()).contains("driver_opts");
                    });
        }
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }
}

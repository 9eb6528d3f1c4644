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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Named and anonymous volumes through the API, with real containers. */
class VolumeIT extends VolumeAgent {
    private ContainerSpecBody withVolumes(ContainerSpecBody body, MountSpec.Volume... volumes) {
        return edit(body, s -> s.withMounts(List.of(volumes)));
    }

    @Test
    void aNamedVolumeKeepsItsFilesAcrossContainerRemoval() {
        String name = volume("data");
        var vol = new MountSpec.Volume(name, "/data", false, false, null);
        var writer = agent.run("writer", withVolumes(agent.spec("sh", "-c", "echo kept > /data/file"), vol));
        assertThat(writer.exitCode()).isZero();
        assertThat(agent.client().inspectVolume(name).usedBy()).containsExactly(agent.host().prefix() + "-writer");
        agent.client().remove(writer.id(), false, true); // volumes=true spares named volumes

        VolumeView kept = agent.client().inspectVolume(name);
        assertThat(kept.usedBy()).isEmpty();
        assertThat(Path.of(kept.mountpoint())).isEqualTo(agent.host().dataRoot().resolve("volumes").resolve(name).resolve("_data"));
        var reader = agent.run("reader", withVolumes(agent.spec("cat", "/data/file"), vol));
        assertThat(reader.stdout()).isEqualTo("kept");
    }

    @Test
    void aNewVolumeIsFilledFromTheImageAtItsTargetUnlessNoCopy() throws Exception {
        Path seed = Files.createDirectories(agent.rootfs().resolve("srv/seed-" + agent.host().prefix()));
        Path file = Files.writeString(seed.resolve("hello"), "from the image");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        Files.setAttribute(file, "unix:uid", 1000);
        Files.createSymbolicLink(seed.resolve("link"), Path.of("hello"));
        String target = "/srv/" + seed.getFileName();
        String show = "cat " + target + "/hello; echo; stat -c '%u %a' " + target + "/hello; readlink " + target + "/link; "
                + "echo changed > " + target + "/hello";

        var filled = agent.run("filled", withVolumes(agent.spec("sh", "-c", show),
                new MountSpec.Volume(volume("filled"), target, false, false, null)));
        assertThat(filled.stdout()).isEqualTo("from the image\n1000 640\nhello");
        // Only a new, empty volume is filled: the second container sees the first one's change.
        var again = agent.run("again", withVolumes(agent.spec("cat", target + "/hello"),
                new MountSpec.Volume(volume("filled"), target, false, false, null)));
        assertThat(again.stdout()).isEqualTo("changed");

        var empty = agent.run("nocopy", withVolumes(agent.spec("ls", "-A", target),
                new MountSpec.Volume(volume("nocopy"), target, false, true, null)));
        assertThat(empty.exitCode()).isZero();
        assertThat(empty.stdout()).isEmpty();
    }

    @Test
    void readOnlyAndSubpathMountsShowOnlyWhatTheyShould() throws Exception {
        String name = volume("sub");
        agent.client().createVolume(new VolumeCreateRequest(name, Map.of("k", "v"), null, null));
        Path data = Path.of(agent.client().inspectVolume(name).mountpoint());
        Files.writeString(Files.createDirectories(data.resolve("inner")).resolve("only"), "inner file");
        var run = agent.run("sub", withVolumes(agent.spec("sh", "-c", "cat /s/only; echo; touch /s/x 2>/dev/null || echo ro"),
                new MountSpec.Volume(name, "/s", true, false, "inner")));
        assertThat(run.stdout()).isEqualTo("inner file\nro");
        assertThat(agent.client().volumes(List.of("k=v"))).extracting(VolumeView::name).containsExactly(name);
    }

    @Test
    void anAnonymousVolumeBelongsToItsContainerAndGoesWithVolumesTrue() {
        var anon = new MountSpec.Volume(null, "/cache", false, false, null);
        ContainerView kept = agent.create("anon-kept", withVolumes(agent.spec("true"), anon));
        ContainerView gone = agent.create("anon-gone", withVolumes(agent.spec("true"), anon));
        List<String> names = new ArrayList<>();
        for (ContainerView c : List.of(kept, gone)) {
            String source = c.spec().mounts().getFirst().source();
            assertThat(source).as("an anonymous volume is named at create").hasSize(32);
            assertThat(agent.client().inspectVolume(source).labels()).containsEntry(Volume.ANONYMOUS_LABEL, c.id());
            names.add(source);
        }
        agent.client().remove(kept.id(), false, false);
        agent.client().remove(gone.id(), false, true);
        assertThat(agent.client().inspectVolume(names.getFirst()).usedBy()).isEmpty();
        assertThatThrownBy(() -> agent.client().inspectVolume(names.getLast()))
                .isInstanceOfSatisfying(AgentException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND));
        agent.client().removeVolume(names.getFirst(), false);
    }

    @Test
    void aVolumeInUseByAnyContainerCannotBeRemoved() {
        String name = volume("busy");
        VolumeView created = agent.client().createVolume(new VolumeCreateRequest(name, Map.of("a", "b"), "local", null));
        assertThat(agent.client().createVolume(new VolumeCreateRequest(name, Map.of("a", "b"), null, null)))
                .as("the same create again returns the volume").isEqualTo(created);
        assertThatThrownBy(() -> agent.client().createVolume(new VolumeCreateRequest(name, Map.of("a", "c"), null, null)))
                .isInstanceOfSatisfying(AgentException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.ALREADY_EXISTS));

        agent.create("user", withVolumes(agent.spec("true"), new MountSpec.Volume(name, "/v", false, false, null)));
        assertThatThrownBy(() -> agent.client().removeVolume(name, true))
                .isInstanceOfSatisfying(AgentException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT);
                    assertThat(e.getMessage()).contains(agent.host().prefix() + "-user");
                });
        agent.removeAll();
        agent.client().removeVolume(name, false);
        assertThat(agent.host().dataRoot().resolve("volumes").resolve(name)).doesNotExist();
    }
}

package io.jcompose.model.project;

import java.util.ArrayList;
import java.util.List;

/**
 * Binds {@code services.*.volumes} in long form. Short strings ({@code ./src:/app:ro}) are expanded by the
 * loader's canonical phase, which owns the path rules; here a string is a shape error.
 */
final class VolumeBinder {
    private VolumeBinder() {
    }

    static List<ServiceVolume> volumes(Fields f, String key) {
        List<ServiceVolume> out = new ArrayList<>();
        for (Element e : f.items(key)) {
            if (e.isScalar()) {
                throw e.error("a volume in long form (type, source, target)",
                        "the canonical form expands short volume strings; bind the loader's output");
            }
            Fields v = e.fields();
            ServiceVolume.Type type = v.choice("type", ServiceVolume.Type.values());
            if (type == null) throw e.error("a volume with a type", "add type: bind, volume or tmpfs");
            out.add(new ServiceVolume(type, v.str("source"), v.str("target"), v.bool("read_only"),
                    v.str("consistency"), bind(v.obj("bind")), volume(v.obj("volume")), tmpfs(v.obj("tmpfs")),
                    image(v.obj("image"))));
        }
        return out;
    }

    /** {@code create_host_path} defaults to true when not written, as compose-go decodes it. */
    private static ServiceVolume.BindOptions bind(Fields b) {
        return b == null ? null : new ServiceVolume.BindOptions(b.str("propagation"), b.boolOr("create_host_path",
                true), b.str("selinux"), b.str("recursive"));
    }

    private static ServiceVolume.VolumeOptions volume(Fields v) {
        return v == null ? null : new ServiceVolume.VolumeOptions(v.strMap("labels"), v.bool("nocopy"),
                v.str("subpath"));
    }

    private static ServiceVolume.TmpfsOptions tmpfs(Fields t) {
        return t == null ? null : new ServiceVolume.TmpfsOptions(t.bytes("size"), t.fileMode("mode"));
    }

    private static ServiceVolume.ImageOptions image(Fields i) {
        return i == null ? null : new ServiceVolume.ImageOptions(i.str("subpath"));
    }
}

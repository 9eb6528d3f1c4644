package io.jcompose.model.project;

import java.util.Map;

/**
 * One mount of a service in long form ({@code services.*.volumes[]}).
 *
 * @param type        the mount type
 * @param source      host path (bind), volume name (volume), image reference (image); null for anonymous
 *                    volumes and tmpfs
 * @param target      the path in the container
 * @param readOnly    mounted read-only
 * @param consistency a platform-specific consistency hint ({@code cached}...), or null
 * @param bind        bind options, or null
 * @param volume      volume options, or null
 * @param tmpfs       tmpfs options, or null
 * @param image       image options, or null
 */
public record ServiceVolume(Type type, String source, String target, boolean readOnly, String consistency,
                            BindOptions bind, VolumeOptions volume, TmpfsOptions tmpfs, ImageOptions image) {

    public enum Type implements WireValue {
        BIND("bind"), VOLUME("volume"), TMPFS("tmpfs"), NPIPE("npipe"), CLUSTER("cluster"), IMAGE("image");

        private final String wire;

        Type(String wire) {
            this.wire = wire;
        }

        @Override
        public String wire() {
            return wire;
        }
    }

    /**
     * @param propagation    {@code rprivate}, {@code shared}..., or null
     * @param createHostPath create a missing host directory (true unless written {@code false})
     * @param selinux        {@code z}, {@code Z} or null
     * @param recursive      {@code enabled}, {@code disabled}, {@code writable}, {@code readonly} or null
     */
    public record BindOptions(String propagation, boolean createHostPath, String selinux, String recursive) {
    }

    /**
     * @param labels  labels for a volume created on first use
     * @param nocopy  do not copy the image's content into a new volume
     * @param subpath mount this path inside the volume, or null
     */
    public record VolumeOptions(Map<String, String> labels, boolean nocopy, String subpath) {
        public VolumeOptions {
            labels = Copies.map(labels);
        }
    }

    /**
     * @param size size in bytes, or null
     * @param mode file mode, or null
     */
    public record TmpfsOptions(Long size, Integer mode) {
    }

    /** @param subpath mount this path inside the image, or null */
    public record ImageOptions(String subpath) {
    }
}

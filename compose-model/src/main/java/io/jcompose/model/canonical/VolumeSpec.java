package io.jcompose.model.canonical;

import io.jcompose.model.tree.MapNode;
import io.jcompose.model.tree.Node;
import java.util.Set;

/**
 * The short volume syntax {@code [SOURCE:]TARGET[:OPTIONS]} as compose-go's {@code format.ParseVolume}
 * reads it: a source starting with {@code . / ~} (or a Windows drive) is a bind mount that creates a
 * missing host path, anything else names a volume, a lone target is an anonymous volume. Options
 * {@code ro rw nocopy z Z} and the propagation modes are understood; others are ignored, as compose does.
 */
final class VolumeSpec {
    private static final Set<String> PROPAGATIONS = Set.of("rprivate", "private", "rshared", "shared", "rslave", "slave");

    private String source = "";
    private String target = "";
    private boolean readOnly;
    private boolean noCopy;
    private String selinux = "";
    private String propagation = "";
    private boolean bindOptions;

    private VolumeSpec() {
    }

    /** The long form; throws {@link IllegalArgumentException} with compose-go's message. */
    static MapNode parse(String spec, Node at) {
        VolumeSpec v = new VolumeSpec();
        if (spec.isEmpty()) throw new IllegalArgumentException("invalid empty volume spec");
        if (spec.length() <= 2) {
            // too short to hold a separator: compose-go takes it as an anonymous volume target
            MapNode.Builder b = MapNode.builder(at.position());
            b.put("type", Values.str("volume", at));
            b.put("target", Values.str(spec, at));
            return b.build();
        }
        StringBuilder buffer = new StringBuilder();
        int substitutionDepth = 0;
        int n = spec.length();
        for (int i = 0; i <= n; i++) {
            boolean end = i == n;
            char c = end ? 0 : spec.charAt(i);
            if (!end && c == '$' && i + 1 < n && spec.charAt(i + 1) == '{') {
                substitutionDepth++;
                buffer.append(c);
                continue;
            }
            if (!end && c == '}' && substitutionDepth > 0) {
                substitutionDepth--;
                buffer.append(c);
                continue;
            }
            if (!end && c == ':' && buffer.length() == 1 && Character.isLetter(buffer.charAt(0))) {
                buffer.append(c); // Windows drive letter
            } else if ((end || c == ':') && substitutionDepth == 0) {
                v.field(buffer.toString(), end, spec);
                buffer.setLength(0);
            } else {
                buffer.append(c);
            }
        }
        return v.toNode(at);
    }

    private void field(String buf, boolean end, String spec) {
        if (buf.isEmpty()) throw new IllegalArgumentException("invalid spec: " + spec + ": empty section between colons");
        if (source.isEmpty() && end) {
            target = buf;
        } else if (source.isEmpty()) {
            source = buf;
        } else if (target.isEmpty()) {
            target = buf;
        } else if (!end) {
            throw new IllegalArgumentException("invalid spec: " + spec + ": too many colons");
        } else {
            for (String option : buf.split(",", -1)) {
                switch (option) {
                    case "ro" -> readOnly = true;
                    case "rw" -> readOnly = false;
                    case "nocopy" -> noCopy = true;
                    case "z", "Z" -> {
                        selinux = option;
                        bindOptions = true;
                    }
                    default -> {
                        if (PROPAGATIONS.contains(option)) {
                            propagation = option;
                            bindOptions = true;
                        }
                    }
                }
            }
        }
    }

    private MapNode toNode(Node at) {
        boolean bind = isFilePath(source);
        MapNode.Builder b = MapNode.builder(at.position());
        b.put("type", Values.str(bind ? "bind" : "volume", at));
        if (!source.isEmpty()) b.put("source", Values.str(source, at));
        if (!target.isEmpty()) b.put("target", Values.str(target, at));
        if (readOnly) b.put("read_only", Values.bool(true, at));
        if (bind || bindOptions) {
            MapNode.Builder opts = MapNode.builder(at.position());
            if (!selinux.isEmpty()) opts.put("selinux", Values.str(selinux, at));
            if (!propagation.isEmpty()) opts.put("propagation", Values.str(propagation, at));
            if (bind) opts.put("create_host_path", Values.bool(true, at));
            b.put("bind", opts.build());
        }
        if (noCopy || !bind) {
            MapNode.Builder opts = MapNode.builder(at.position());
            if (noCopy) opts.put("nocopy", Values.bool(true, at));
            b.put("volume", opts.build());
        }
        return b.build();
    }

    static boolean isFilePath(String source) {
        if (source.isEmpty()) return false;
        char c = source.charAt(0);
        if (c == '.' || c == '/' || c == '~' || source.startsWith("\\\\")) return true;
        return source.length() > 1 && Character.isLetter(c) && source.charAt(1) == ':';
    }
}

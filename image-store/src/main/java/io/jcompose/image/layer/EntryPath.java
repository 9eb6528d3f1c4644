package io.jcompose.image.layer;

import java.util.ArrayList;
import java.util.List;

/**
 * A tar member name reduced to its components: {@code ./usr//bin/} is {@code [usr, bin]}. Names that
 * could only mean "outside the layer" — absolute paths and any {@code ..} component — are refused
 * here, before anything touches the disk. Also the rule for archives copied into containers (node-agent).
 */
public record EntryPath(List<String> components) {
    public static EntryPath parse(String name, String what) {
        if (name.startsWith("/")) {
            throw new HostileLayerException(what + " \"" + name + "\" is an absolute path");
        }
        if (name.indexOf('\0') >= 0) {
            throw new HostileLayerException(what + " \"" + name + "\" contains a NUL byte");
        }
        List<String> parts = new ArrayList<>();
        for (String part : name.split("/")) {
            if (part.isEmpty() || part.equals(".")) continue;
            if (part.equals("..")) throw new HostileLayerException(what + " \"" + name + "\" climbs out with \"..\"");
            parts.add(part);
        }
        return new EntryPath(List.copyOf(parts));
    }

    public boolean isRoot() {
        return components.isEmpty();
    }

    public String last() {
        return components.getLast();
    }

    public EntryPath parent() {
        return new EntryPath(components.subList(0, components.size() - 1));
    }

    EntryPath sibling(String name) {
        List<String> parts = new ArrayList<>(components.subList(0, components.size() - 1));
        parts.add(name);
        return new EntryPath(List.copyOf(parts));
    }

    @Override
    public String toString() {
        return String.join("/", components);
    }
}

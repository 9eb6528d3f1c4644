package io.jcompose.agent.volume;

import io.jcompose.agent.error.AgentException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code driver_opts} of a {@code local} volume, checked as Docker's local driver checks them
 * and then some, so that a mistake fails the create instead of the first container start:
 *
 * <ul>
 *   <li>only {@code type}, {@code o} and {@code device} ({@code size}, Docker's quota option, needs a
 *       project-quota file system and is refused); {@code type} and {@code device} go together, {@code o}
 *       needs both;</li>
 *   <li>{@code type: none} mounts nothing unless {@code o} says {@code bind} or {@code rbind};</li>
 *   <li>a bind's {@code device} is an existing host directory; any other absolute {@code device} must
 *       exist too ({@code tmpfs} or {@code server:/export} are names, not paths, and are not checked);</li>
 *   <li>{@code addr=} of a network file system must be an IP address: the agent does no name lookups.</li>
 * </ul>
 *
 * <p>Example: {@code {type: none, o: bind, device: /srv/data}} → a bind of /srv/data;
 * {@code {type: tmpfs, device: tmpfs, o: "size=64m,uid=1000"}} → a tmpfs of 64 MiB owned by uid 1000.
 */
public record LocalDriverOptions(String type, String device, MountOptions options) {
    private static final Set<String> KNOWN = Set.of("type", "o", "device");
    private static final Set<String> NETWORK_TYPES = Set.of("nfs", "nfs4", "cifs", "smb3");

    /** Null for a plain directory volume (no options). */
    public static LocalDriverOptions of(String volume, Map<String, String> opts) {
        if (opts.isEmpty()) {
            return null;
        }
        String fix = "give the local driver type, device and optionally o, as for mount(8)";
        for (String key : opts.keySet()) {
            if (key.equals("size")) {
                throw AgentException.invalid("volume " + volume + ": driver_opts.size (a disk quota) is not supported",
                        "drop size; a tmpfs volume takes its size in o, e.g. o: size=64m");
            }
            if (!KNOWN.contains(key)) {
                throw AgentException.invalid("volume " + volume + ": unknown driver option \"" + key + "\"", fix);
            }
        }
        for (String key : List.of("type", "device")) {
            if (blank(opts.get(key))) {
                throw AgentException.invalid("volume " + volume + ": driver_opts lack \"" + key + "\"", fix);
            }
        }
        String type = opts.get("type").strip();
        String device = opts.get("device").strip();
        MountOptions options = MountOptions.parse(opts.get("o"));
        if (type.equals("none") && !options.bind()) {
            throw AgentException.invalid("volume " + volume + ": type none mounts nothing without o: bind",
                    "add o: bind to mount the host directory " + device);
        }
        if (options.bind()) {
            if (!device.startsWith("/") || !Files.isDirectory(Path.of(device))) {
                throw AgentException.invalid("volume " + volume + ": device " + device + " is not an existing host directory",
                        "create " + device + " first, or fix the path (it must be absolute)");
            }
        } else if (device.startsWith("/") && !Files.exists(Path.of(device))) {
            throw AgentException.invalid("volume " + volume + ": device " + device + " does not exist",
                    "fix the device path of the volume's driver_opts");
        }
        String addr = options.dataValue("addr");
        if (NETWORK_TYPES.contains(type) && addr != null && !isAddress(addr)) {
            throw AgentException.invalid("volume " + volume + ": addr=" + addr + " is a name, and the agent does not look up names",
                    "give the server's IP address in addr=");
        }
        return new LocalDriverOptions(type, device, options);
    }

    private static boolean isAddress(String text) {
        try {
            InetAddress.ofLiteral(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** How inspect and errors show it. */
    public String describe() {
        return "type=" + type + " device=" + device;
    }
}

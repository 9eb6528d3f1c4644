package io.jcompose.network.port;

import io.jcompose.network.Protocol;
import io.jcompose.network.address.IpAddress;
import io.jcompose.network.host.HostNamespace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds who holds a host port: the sockets of the host namespace from
 * {@code /proc/thread-self/net/*} (thread-self, because the namespace is a property of the thread,
 * see {@link HostNamespace}), then the processes whose {@code /proc/PID/fd} links point at those
 * socket inodes. Only used when a port turns out to be taken, so the scan of /proc costs nothing on
 * the normal path.
 */
public final class PortHolders {

    private final HostNamespace host;
    private final Path proc;

    public PortHolders(HostNamespace host) {
        this(host, Path.of("/proc"));
    }

    PortHolders(HostNamespace host, Path proc) {
        this.host = host;
        this.proc = proc;
    }

    /** The sockets of the host namespace that keep {@code address:port} from being bound. */
    public List<SocketEntry> socketsHolding(Protocol protocol, IpAddress address, int port) {
        List<SocketEntry> out = new ArrayList<>();
        for (SocketEntry s : sockets(protocol)) {
            if (s.holdsPort() && s.localPort() == port && overlaps(s.localAddress(), address)) {
                out.add(s);
            }
        }
        return out;
    }

    /** The processes holding {@code address:port}; empty when none can be identified. */
    public List<PortHolder> find(Protocol protocol, IpAddress address, int port) {
        Set<Long> inodes = new HashSet<>();
        socketsHolding(protocol, address, port).forEach(s -> inodes.add(s.inode()));
        inodes.remove(0L);
        return inodes.isEmpty() ? List.of() : processesWith(inodes);
    }

    /** An unspecified address on either side overlaps everything (a dual-stack wildcard covers IPv4 too). */
    static boolean overlaps(IpAddress a, IpAddress b) {
        return a.isUnspecified() || b.isUnspecified() || a.equals(b);
    }

    private List<SocketEntry> sockets(Protocol protocol) {
        String base = protocol.lower();
        return host.call(() -> {
            List<SocketEntry> all = new ArrayList<>();
            for (String name : List.of(base, base + "6")) {
                Path table = proc.resolve("thread-self/net").resolve(name);
                try {
                    all.addAll(ProcNet.parse(protocol, Files.readString(table)));
                } catch (IOException e) {
                    // no IPv6 on this host: nothing to find there
                }
            }
            return all;
        });
    }

    private List<PortHolder> processesWith(Set<Long> inodes) {
        Set<String> targets = new HashSet<>();
        inodes.forEach(i -> targets.add("socket:[" + i + "]"));
        LinkedHashSet<PortHolder> out = new LinkedHashSet<>();
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(proc, p -> p.getFileName().toString().chars().allMatch(Character::isDigit))) {
            for (Path pidDir : pids) {
                if (holdsAny(pidDir.resolve("fd"), targets)) {
                    long pid = Long.parseLong(pidDir.getFileName().toString());
                    out.add(new PortHolder(pid, read(pidDir.resolve("comm")).strip(),
                            read(pidDir.resolve("cmdline")).replace('\0', ' ').strip()));
                }
            }
        } catch (IOException e) {
            return List.copyOf(out);
        }
        return List.copyOf(out);
    }

    private static boolean holdsAny(Path fdDir, Set<String> targets) {
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(fdDir)) {
            for (Path fd : fds) {
                try {
                    if (targets.contains(Files.readSymbolicLink(fd).toString())) {
                        return true;
                    }
                } catch (IOException e) {
                    // the descriptor closed while we looked
                }
            }
        } catch (IOException e) {
            // the process exited, or its descriptors are not ours to see
        }
        return false;
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}

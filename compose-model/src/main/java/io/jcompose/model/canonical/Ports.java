package io.jcompose.model.canonical;

import io.jcompose.model.ModelException;
import io.jcompose.model.tree.MapNode;
import io.jcompose.model.tree.Node;
import io.jcompose.model.tree.ScalarNode;
import io.jcompose.model.tree.SeqNode;
import io.jcompose.model.tree.YamlPath;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code ports} in long form. The short syntax {@code [[ip:](host|range):](container|range)[/proto]}
 * is read as docker/go-connections' {@code nat.ParsePortSpec} reads it: one entry per container
 * port, ordered as the strings {@code "port/proto"} sort, {@code published} a string that may stay
 * a range when a single container port takes a host range, {@code mode: ingress}, {@code protocol}
 * lowercased and defaulting to {@code tcp}.
 */
final class Ports {
    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9a-fA-F:.]+");

    private Ports() {
    }

    private static final StructRule LONG = StructRule.of(
                    "name", Rules.STRING,
                    "mode", Rules.STRING,
                    "host_ip", Rules.STRING,
                    "target", Rules.INT,
                    "published", Rules.STRING,
                    "protocol", Rules.STRING,
                    "app_protocol", Rules.STRING)
            .then((out, src, path, rc) -> {
                if (!out.has("protocol")) out.put("protocol", Values.str("tcp", src), src.position());
                if (!out.has("mode")) out.put("mode", Values.str("ingress", src), src.position());
            });

    static final Rule PORTS = (v, p, rc) -> {
        if (Values.isNull(v)) return null;
        List<Node> items = Values.items(v, p);
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            YamlPath at = p.index(i);
            // instanceof rather than a type switch: every switch site spins a class at run time that no startup cache
            // holds (docs/cli-startup.md)
            if (item instanceof MapNode m) {
                out.add(LONG.build(m, at, rc));
            } else if (item instanceof ScalarNode s && s.value() instanceof Long) {
                MapNode.Builder b = MapNode.builder(s.position());
                b.put("target", Values.num(Values.integer(s, at), s));
                out.add(LONG.build(b.build(), at, rc));
            } else if (item instanceof ScalarNode s) {
                out.addAll(shortSyntax(Values.text(s, at), s, at));
            } else {
                throw Values.error(item, at, "invalid type " + item.kind() + " for port",
                        "write \"8080:80\" or a mapping with target and published");
            }
        }
        return out.isEmpty() ? null : SeqNode.of(out, v.position());
    };

    /** {@code expose}: ports or ranges, numbers printed as strings. */
    static final Rule EXPOSE = Rules.STRING_LIST;

    static List<MapNode> shortSyntax(String spec, Node at, YamlPath path) {
        String[] parts = spec.split(":", -1);
        int n = parts.length;
        String containerPart = parts[n - 1];
        String hostPart = n >= 2 ? parts[n - 2] : "";
        String ip = n >= 3 ? String.join(":", java.util.Arrays.copyOf(parts, n - 2)) : "";

        String proto = "tcp";
        String container = containerPart;
        int slash = containerPart.indexOf('/');
        if (containerPart.isEmpty() || slash == 0) {
            container = "";
        } else if (slash > 0) {
            container = containerPart.substring(0, slash);
            String rest = containerPart.substring(slash + 1);
            int next = rest.indexOf('/');
            String p = next < 0 ? rest : rest.substring(0, next);
            if (!p.isEmpty()) proto = p;
        }
        if (ip.startsWith("[")) {
            if (!ip.endsWith("]")) throw bad(at, path, "invalid IP address " + ip);
            ip = ip.substring(1, ip.length() - 1);
        }
        if (!ip.isEmpty() && !validIp(ip)) throw bad(at, path, "invalid IP address: " + ip);
        if (container.isEmpty()) throw bad(at, path, "no port specified: " + spec + "<empty>");
        long[] cRange = range(container, at, path, "invalid containerPort: " + container);
        long[] hRange = hostPart.isEmpty() ? new long[] {0, 0}
                : range(hostPart, at, path, "invalid hostPort: " + hostPart);
        if (!hostPart.isEmpty() && cRange[1] - cRange[0] != hRange[1] - hRange[0] && cRange[1] != cRange[0]) {
            throw bad(at, path, "invalid ranges specified for container and host Ports: " + container + " and " + hostPart);
        }
        String protocol = proto.toLowerCase(java.util.Locale.ROOT);
        if (!protocol.equals("tcp") && !protocol.equals("udp") && !protocol.equals("sctp")) {
            throw bad(at, path, "invalid proto: " + proto);
        }
        List<String[]> entries = new ArrayList<>();
        for (long i = 0; i <= cRange[1] - cRange[0]; i++) {
            String published = "";
            if (!hostPart.isEmpty()) {
                published = Long.toString(hRange[0] + i);
                if (cRange[0] == cRange[1] && hRange[0] != hRange[1]) published = published + "-" + hRange[1];
            }
            entries.add(new String[] {(cRange[0] + i) + "/" + protocol, Long.toString(cRange[0] + i), published});
        }
        // compose-go walks the parsed ports in the order their "port/proto" keys sort as strings
        entries.sort((a, b) -> a[0].compareTo(b[0]));
        List<MapNode> out = new ArrayList<>(entries.size());
        for (String[] e : entries) {
            MapNode.Builder b = MapNode.builder(at.position());
            b.put("mode", Values.str("ingress", at));
            if (!ip.isEmpty()) b.put("host_ip", Values.str(ip, at));
            b.put("target", Values.num(Long.parseLong(e[1]), at));
            if (!e[2].isEmpty()) b.put("published", Values.str(e[2], at));
            b.put("protocol", Values.str(protocol, at));
            out.add(b.build());
        }
        return out;
    }

    private static long[] range(String text, Node at, YamlPath path, String problem) {
        int dash = text.indexOf('-');
        try {
            long start = Long.parseLong(dash < 0 ? text : text.substring(0, dash));
            long end = dash < 0 ? start : Long.parseLong(text.substring(dash + 1).split("-", -1)[0]);
            if (start < 0 || end > 65535 || end < start || !text.chars().allMatch(c -> c == '-' || Character.isDigit(c))) {
                throw bad(at, path, problem);
            }
            return new long[] {start, end};
        } catch (NumberFormatException e) {
            throw bad(at, path, problem);
        }
    }

    private static boolean validIp(String ip) {
        if (IPV4.matcher(ip).matches()) {
            for (String octet : ip.split("\\.")) {
                if (Integer.parseInt(octet) > 255 || octet.length() > 1 && octet.charAt(0) == '0') return false;
            }
            return true;
        }
        if (ip.indexOf(':') < 0 || !IPV6_CHARS.matcher(ip).matches()) return false;
        try {
            // a string with ':' is parsed as an IPv6 literal, never looked up
            InetAddress.getByName(ip);
            return true;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static ModelException bad(Node at, YamlPath path, String problem) {
        return Values.error(at, path, problem, "write [[ip:]host:]container[/protocol], e.g. \"127.0.0.1:8080:80/tcp\"");
    }
}

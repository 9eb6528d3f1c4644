package io.jcompose.model.project;

import io.jcompose.model.ModelException;
import io.jcompose.model.tree.MapNode;
import io.jcompose.model.tree.SeqNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds how a service connects to the rest: ports, networks, dependencies, extra hosts. The short forms
 * compose-go still accepts while decoding (a list of networks or dependencies, {@code host:ip} strings) are
 * accepted too; the canonical form should not contain them, but being as lenient as compose-go costs nothing.
 */
final class ConnectionBinder {
    private ConnectionBinder() {
    }

    static List<PortConfig> ports(Fields f, String key) {
        List<PortConfig> out = new ArrayList<>();
        for (Element e : f.items(key)) {
            Fields p = e.fields();
            Long target = p.longOrNull("target");
            if (target == null) throw e.error("a port with a target", "add target: <container port>");
            if (target < 0 || target > 65535) {
                throw Scalars.wrong(p.raw("target"), p.at("target"), "a port number from 0 to 65535", null);
            }
            out.add(new PortConfig(p.str("name"), p.choice("mode", PortConfig.Mode.values()), p.str("host_ip"),
                    target.intValue(), p.str("published"), p.choice("protocol", PortConfig.Protocol.values()),
                    p.str("app_protocol")));
        }
        return out;
    }

    static Map<String, ServiceNetwork> networks(Fields f, String key) {
        Map<String, ServiceNetwork> out = new LinkedHashMap<>();
        if (f.raw(key) instanceof SeqNode) {
            for (String name : f.strList(key)) out.put(name, ServiceNetwork.DEFAULTS);
            return out;
        }
        for (Element e : f.entries(key)) {
            if (e.isNull()) {
                out.put(e.name(), ServiceNetwork.DEFAULTS);
                continue;
            }
            Fields n = e.fields();
            out.put(e.name(), new ServiceNetwork(n.strList("aliases"), n.strMap("driver_opts"),
                    n.intOr("gw_priority", 0), n.str("interface_name"), n.str("ipv4_address"),
                    n.str("ipv6_address"), n.strList("link_local_ips"), n.str("mac_address"),
                    n.intOr("priority", 0)));
        }
        return out;
    }

    static Map<String, DependsOn> dependsOn(Fields f, String key) {
        Map<String, DependsOn> out = new LinkedHashMap<>();
        if (f.raw(key) instanceof SeqNode) {
            for (String name : f.strList(key)) out.put(name, DependsOn.STARTED);
            return out;
        }
        for (Element e : f.entries(key)) {
            Fields d = e.fields();
            out.put(e.name(), new DependsOn(d.choice("condition", DependsOn.Condition.values()),
                    d.bool("restart"), d.boolOr("required", true)));
        }
        return out;
    }

    /** {@code host=ip}/{@code host:ip} strings or a host→ip(s) mapping; IPv6 brackets are dropped. */
    static Map<String, List<String>> extraHosts(Fields f, String key) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (f.raw(key) instanceof MapNode) {
            for (Element e : f.entries(key)) {
                for (String ip : e.isNull() ? List.of("") : e.strings()) addHost(out, e.name(), ip);
            }
            return out;
        }
        for (Element e : f.items(key)) {
            String entry = e.text();
            int sep = entry.indexOf('=');
            if (sep < 0) sep = entry.indexOf(':');
            if (sep <= 0) {
                throw new ModelException(e.node().position(), e.slot().path(),
                        "invalid extra host \"" + entry + "\": missing host name or IP address", "write host=ip");
            }
            for (String ip : entry.substring(sep + 1).split(",", -1)) addHost(out, entry.substring(0, sep), ip);
        }
        return out;
    }

    private static void addHost(Map<String, List<String>> out, String host, String ip) {
        String clean = ip.length() > 2 && ip.startsWith("[") && ip.endsWith("]")
                ? ip.substring(1, ip.length() - 1) : ip;
        List<String> ips = out.get(host);
        if (ips == null) out.put(host, ips = new ArrayList<>());
        ips.add(clean);
    }
}

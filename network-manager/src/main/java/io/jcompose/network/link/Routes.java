package io.jcompose.network.link;

import io.jcompose.network.address.IpAddress;
import io.jcompose.network.address.IpFamily;
import io.jcompose.network.address.Subnet;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The destinations the host already routes somewhere, read from every routing table. The IPAM pool
 * skips any subnet that overlaps one of them, so a new network never shadows a LAN or VPN route.
 * The default route is ignored (it overlaps everything), and so are local, broadcast and
 * multicast entries, which only describe the host's own addresses.
 */
public final class Routes {

    private final IpTool ip;

    public Routes(IpTool ip) {
        this.ip = ip;
    }

    public List<Subnet> destinations(IpFamily family) {
        String flag = family == IpFamily.V4 ? "-4" : "-6";
        return parse(family, ip.query("list " + (family == IpFamily.V4 ? "IPv4" : "IPv6") + " routes",
                flag, "route", "show", "table", "all"));
    }

    static List<Subnet> parse(IpFamily family, JsonNode array) {
        List<Subnet> out = new ArrayList<>();
        for (JsonNode route : array.values()) {
            String type = route.path("type").asString("unicast");
            String dst = route.path("dst").asString("");
            if (!type.equals("unicast") || dst.isEmpty() || dst.equals("default")) {
                continue;
            }
            Subnet subnet = toSubnet(family, dst);
            if (subnet != null && !(family == IpFamily.V6 && subnet.network().value().shiftRight(118).intValue() == 0x3fa)) {
                out.add(subnet);
            }
        }
        return out;
    }

    /** {@code 10.0.0.0/8}, or a host route written without a prefix ({@code 10.1.2.3}). */
    private static Subnet toSubnet(IpFamily family, String dst) {
        try {
            int slash = dst.indexOf('/');
            IpAddress address = IpAddress.parse(slash < 0 ? dst : dst.substring(0, slash));
            if (address.family() != family) {
                return null;
            }
            int prefix = slash < 0 ? family.bits() : Integer.parseInt(dst.substring(slash + 1));
            return Subnet.containing(address, prefix);
        } catch (RuntimeException e) {
            return null;
        }
    }
}

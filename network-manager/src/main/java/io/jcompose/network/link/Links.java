package io.jcompose.network.link;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Reads the links of the host namespace. */
public final class Links {

    private final IpTool ip;

    public Links(IpTool ip) {
        this.ip = ip;
    }

    public List<LinkInfo> list() {
        return parse(ip.query("list links", "-d", "link", "show"));
    }

    public Optional<LinkInfo> find(String name) {
        return list().stream().filter(l -> l.name().equals(name)).findFirst();
    }

    static List<LinkInfo> parse(JsonNode array) {
        List<LinkInfo> out = new ArrayList<>();
        for (JsonNode link : array.values()) {
            String name = link.path("ifname").asString("");
            if (name.isEmpty()) {
                continue;
            }
            String kind = link.path("linkinfo").path("info_kind").asString("");
            String master = link.path("master").asString("");
            boolean up = false;
            for (JsonNode flag : link.path("flags").values()) {
                up |= flag.asString("").equals("UP");
            }
            out.add(new LinkInfo(name, kind, master.isEmpty() ? Optional.empty() : Optional.of(master),
                    link.path("mtu").asInt(0), up));
        }
        return out;
    }
}

package io.jcompose.model.merge;

import io.jcompose.model.tree.MapNode;
import io.jcompose.model.tree.Node;
import io.jcompose.model.tree.ScalarNode;
import io.jcompose.model.tree.SeqNode;
import io.jcompose.model.tree.YamlPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code networks.*.ipam.config}: the override's list decides which subnets the network has, and
 * each of its entries merges over the earlier entry of the same subnet. This is compose-go's result
 * whenever it is well defined (one earlier entry); with several earlier entries compose-go mixes
 * fields of unrelated subnets, and with an empty earlier list it drops the override's entries.
 * To keep an earlier subnet, an override lists it again (its {@code subnet} key alone is enough).
 */
final class IpamConfigs {
    private IpamConfigs() {}

    static Node merge(Node base, Node override, YamlPath path) {
        if (TreeMerge.isNull(override)) return base;
        if (TreeMerge.isNull(base)) return ResetTags.clean(override);
        if (!(base instanceof SeqNode earlier) || !(override instanceof SeqNode later)) {
            throw TreeMerge.incompatible(base, override, path);
        }
        List<Node> out = new ArrayList<>(later.size());
        for (int i = 0; i < later.size(); i++) {
            Node entry = later.get(i);
            if (ResetTags.isReset(entry)) continue;
            if (!(entry instanceof MapNode config)) {
                out.add(ResetTags.clean(entry));
                continue;
            }
            Object subnet = subnet(config);
            int already = indexOfSubnet(out, subnet);
            if (already >= 0) {
                out.set(already, TreeMerge.mergeMaps((MapNode) out.get(already), config, path.index(i)));
                continue;
            }
            int before = indexOfSubnet(earlier.items(), subnet);
            out.add(before >= 0
                    ? TreeMerge.mergeMaps((MapNode) earlier.get(before), config, path.index(i))
                    : ResetTags.clean(config));
        }
        return new SeqNode(out, earlier.position(), null);
    }

    private static int indexOfSubnet(List<Node> configs, Object subnet) {
        for (int i = 0; i < configs.size(); i++) {
            if (configs.get(i) instanceof MapNode config && Objects.equals(subnet(config), subnet)) return i;
        }
        return -1;
    }

    private static Object subnet(MapNode config) {
        return config.get("subnet") instanceof ScalarNode s ? s.value() : null;
    }
}

package io.jcompose.model.render;

import io.jcompose.model.tree.MapNode;
import io.jcompose.model.tree.Node;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The {@code com.docker.compose.config-hash} of a service, computed as docker compose does
 * ({@code pkg/compose/hash.go}): sha256 of the service's compact JSON after blanking the attributes
 * whose change must not recreate a container — {@code build}, {@code pull_policy}, {@code scale},
 * {@code deploy.replicas}, {@code depends_on} and {@code profiles}. Key order in the input does not
 * matter: the JSON follows the struct table.
 */
public final class ConfigHash {
    private ConfigHash() {
    }

    public static String of(MapNode canonicalService) {
        MapNode s = canonicalService.without("build").without("pull_policy").without("scale")
                .without("depends_on").without("profiles");
        Node deploy = s.get("deploy");
        if (deploy instanceof MapNode d && d.has("replicas")) s = s.with("deploy", d.without("replicas"));
        return sha256(ConfigRenderer.compactService(s));
    }

    static String sha256(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
    }
}

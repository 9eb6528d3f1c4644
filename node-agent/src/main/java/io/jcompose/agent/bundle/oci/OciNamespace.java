package io.jcompose.agent.bundle.oci;

/** {@code linux.namespaces[]}: a new namespace when {@code path} is null, else the one at {@code path}. */
public record OciNamespace(String type, String path) {
}

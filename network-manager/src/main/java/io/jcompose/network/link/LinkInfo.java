package io.jcompose.network.link;

import java.util.Optional;

/** One line of {@code ip -j -d link show}: the name, its kind ({@code bridge}, {@code veth}, …) and its master. */
public record LinkInfo(String name, String kind, Optional<String> master, int mtu, boolean up) {
}

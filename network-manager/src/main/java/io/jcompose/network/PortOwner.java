package io.jcompose.network;

import java.util.Objects;

/** Who published a port, named in the error when someone else asks for the same port. */
public record PortOwner(String project, String service) {

    public PortOwner {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(service, "service");
    }

    @Override
    public String toString() {
        return "project " + project + ", service " + service;
    }
}

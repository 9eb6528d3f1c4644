package io.jcompose.network.port;

/** A process that holds a port: its PID and its name ({@code /proc/PID/comm}), or the command line when known. */
public record PortHolder(long pid, String name, String commandLine) {

    @Override
    public String toString() {
        return "process " + name + " (pid " + pid + ")";
    }
}

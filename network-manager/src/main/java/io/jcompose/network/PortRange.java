package io.jcompose.network;

/** An inclusive range of port numbers; a single port is a range of one. */
public record PortRange(int first, int last) {

    public PortRange {
        if (first < 1 || last > 65535 || first > last) {
            throw NetworkException.invalid("port range " + first + "-" + last + " is not valid",
                    "use ports from 1 to 65535, the lower one first");
        }
    }

    public static PortRange of(int port) {
        return new PortRange(port, port);
    }

    public static PortRange parse(String text) {
        int dash = text.indexOf('-');
        try {
            return dash < 0 ? of(Integer.parseInt(text.strip()))
                    : new PortRange(Integer.parseInt(text.substring(0, dash).strip()),
                            Integer.parseInt(text.substring(dash + 1).strip()));
        } catch (NumberFormatException e) {
            throw NetworkException.invalid("'" + text + "' is not a port or port range",
                    "write a port like 8080 or a range like 8000-8010");
        }
    }

    public int size() {
        return last - first + 1;
    }

    public boolean contains(int port) {
        return port >= first && port <= last;
    }

    @Override
    public String toString() {
        return first == last ? Integer.toString(first) : first + "-" + last;
    }
}

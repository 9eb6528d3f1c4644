package io.jcompose.image.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** EXPOSE's port forms: {@code 80}, {@code 53/udp}, {@code 8000-8002/tcp}; the protocol defaults to tcp. */
final class Ports {
    private Ports() {
    }

    static List<String> expand(String spec) {
        int slash = spec.indexOf('/');
        String ports = slash < 0 ? spec : spec.substring(0, slash);
        String proto = slash < 0 ? "tcp" : spec.substring(slash + 1).toLowerCase(Locale.ROOT);
        int dash = ports.indexOf('-');
        try {
            int first = Integer.parseInt(dash < 0 ? ports : ports.substring(0, dash));
            int last = dash < 0 ? first : Integer.parseInt(ports.substring(dash + 1));
            if (first < 0 || last > 65535 || last < first) throw new NumberFormatException();
            List<String> out = new ArrayList<>();
            for (int p = first; p <= last; p++) out.add(p + "/" + proto);
            return out;
        } catch (NumberFormatException e) {
            throw new BuildException("invalid EXPOSE port \"" + spec + "\"", "write PORT[/PROTOCOL] or FIRST-LAST[/PROTOCOL], e.g. 80 or 53/udp");
        }
    }
}

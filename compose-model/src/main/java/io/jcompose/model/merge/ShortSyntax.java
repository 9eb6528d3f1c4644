package io.jcompose.model.merge;

import java.util.ArrayList;
import java.util.List;

/**
 * Just enough of the short port and volume syntaxes to name what an entry binds, so that a short
 * and a long entry for the same port or mount point are recognised as one. The full parse, with
 * validation, belongs to the canonical-form phase; here an unreadable spec yields {@code null}.
 */
final class ShortSyntax {
    private ShortSyntax() {}

    /** A published port as {@code HOST_IP:PUBLISHED:TARGET/PROTOCOL}, the identity compose dedupes by. */
    record Port(String hostIp, String published, String target, String protocol) {
        Port {
            hostIp = hostIp == null || hostIp.isEmpty() ? "0.0.0.0" : hostIp;
            published = published == null ? "" : published;
            protocol = protocol == null || protocol.isEmpty() ? "tcp" : protocol;
        }

        String key() {
            return hostIp + ":" + published + ":" + target + "/" + protocol;
        }
    }

    /**
     * Reads {@code [[IP:](HOST|RANGE):](CONTAINER|RANGE)[/PROTO]}. The IP is everything before the
     * last two colons (so a bare IPv6 address works) and may be written in brackets.
     */
    static Port port(String spec) {
        String[] parts = spec.split(":", -1);
        int n = parts.length;
        String container = parts[n - 1];
        String host = n >= 2 ? parts[n - 2] : "";
        String ip = n >= 3 ? String.join(":", java.util.Arrays.copyOfRange(parts, 0, n - 2)) : "";
        if (ip.length() >= 2 && ip.charAt(0) == '[' && ip.charAt(ip.length() - 1) == ']') {
            ip = ip.substring(1, ip.length() - 1);
        }
        String protocol = null;
        int slash = container.indexOf('/');
        if (slash >= 0) {
            protocol = container.substring(slash + 1);
            container = container.substring(0, slash);
        }
        if (container.isEmpty()) return null;
        return new Port(ip, host, container, protocol);
    }

    /**
     * The container path of {@code [SOURCE:]TARGET[:MODE]}, read as compose-go reads it: a single
     * letter before a colon is a Windows drive (so even {@code a:/a} is one target path), colons
     * inside {@code ${...}} do not split, and specs of one or two characters are a bare target.
     */
    static String volumeTarget(String spec) {
        if (spec.isEmpty()) return null;
        if (spec.length() <= 2) return spec;
        List<String> fields = new ArrayList<>(3);
        StringBuilder buffer = new StringBuilder();
        int inVariable = 0;
        for (int i = 0; i <= spec.length(); i++) {
            boolean end = i == spec.length();
            char c = end ? 0 : spec.charAt(i);
            if (!end && c == '$' && i + 1 < spec.length() && spec.charAt(i + 1) == '{') {
                inVariable++;
                buffer.append(c);
            } else if (!end && c == '}' && inVariable > 0) {
                inVariable--;
                buffer.append(c);
            } else if (c == ':' && buffer.length() == 1 && Character.isLetter(buffer.charAt(0))) {
                buffer.append(c);
            } else if ((end || c == ':') && inVariable == 0) {
                if (buffer.isEmpty()) return null;
                fields.add(buffer.toString());
                buffer.setLength(0);
            } else {
                buffer.append(c);
            }
        }
        if (fields.size() > 3) return null;
        return fields.size() == 1 ? fields.getFirst() : fields.get(1);
    }

    /** The container path of a device mapping {@code HOST[:CONTAINER[:PERMISSIONS]]}. */
    static String deviceTarget(String spec) {
        String[] parts = spec.split(":", -1);
        return parts.length == 1 ? parts[0] : parts[1];
    }
}

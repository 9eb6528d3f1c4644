package io.jcompose.model.project;

/**
 * {@code services.*.restart}: {@code no}, {@code always}, {@code on-failure[:N]}, {@code unless-stopped}.
 *
 * @param kind       when to restart
 * @param maxRetries for {@code on-failure:N}, the N; otherwise null
 */
public record Restart(Kind kind, Integer maxRetries) {

    public static final Restart NO = new Restart(Kind.NO, null);

    public Restart {
        if (kind == null) throw new IllegalArgumentException("restart kind is required");
        if (maxRetries != null && kind != Kind.ON_FAILURE) {
            throw new IllegalArgumentException("only on-failure takes a retry count");
        }
    }

    /** @throws IllegalArgumentException when {@code text} is not a restart policy */
    public static Restart parse(String text) {
        String kind = text;
        Integer retries = null;
        int colon = text.indexOf(':');
        if (colon >= 0) {
            kind = text.substring(0, colon);
            String n = text.substring(colon + 1);
            if (!Kind.ON_FAILURE.wire.equals(kind) || !Scalars.isInteger(n) || n.startsWith("-")) {
                throw new IllegalArgumentException("invalid restart policy \"" + text + "\"");
            }
            try {
                retries = Integer.parseInt(n.startsWith("+") ? n.substring(1) : n);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid restart policy \"" + text + "\"");
            }
        }
        Kind k = WireValue.find(Kind.values(), kind);
        if (k == null) throw new IllegalArgumentException("invalid restart policy \"" + text + "\"");
        return new Restart(k, retries);
    }

    /** The policy as compose writes it: {@code on-failure:3}. */
    public String wire() {
        return maxRetries == null ? kind.wire : kind.wire + ":" + maxRetries;
    }

    public enum Kind implements WireValue {
        NO("no"), ALWAYS("always"), ON_FAILURE("on-failure"), UNLESS_STOPPED("unless-stopped");

        private final String wire;

        Kind(String wire) {
            this.wire = wire;
        }

        @Override
        public String wire() {
            return wire;
        }
    }
}

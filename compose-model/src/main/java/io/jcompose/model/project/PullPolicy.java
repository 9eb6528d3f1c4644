package io.jcompose.model.project;

import java.time.Duration;

/**
 * {@code services.*.pull_policy}, decoded as docker compose does: {@code if_not_present} is {@code missing};
 * {@code daily}, {@code weekly} and {@code every_<duration>} are {@code refresh} with an interval.
 *
 * @param kind            what to do before starting
 * @param refreshInterval for {@link Kind#REFRESH}: pull when the local image is older than this; else null
 */
public record PullPolicy(Kind kind, Duration refreshInterval) {

    public static final PullPolicy MISSING = new PullPolicy(Kind.MISSING, null);

    /** @throws IllegalArgumentException when {@code text} is not a pull policy */
    public static PullPolicy parse(String text) {
        return switch (text) {
            case "always" -> new PullPolicy(Kind.ALWAYS, null);
            case "never" -> new PullPolicy(Kind.NEVER, null);
            case "missing", "if_not_present" -> MISSING;
            case "build" -> new PullPolicy(Kind.BUILD, null);
            case "refresh" -> new PullPolicy(Kind.REFRESH, null);
            case "daily" -> new PullPolicy(Kind.REFRESH, Duration.ofDays(1));
            case "weekly" -> new PullPolicy(Kind.REFRESH, Duration.ofDays(7));
            default -> {
                if (!text.startsWith("every_")) {
                    throw new IllegalArgumentException("invalid pull policy \"" + text + "\"");
                }
                yield new PullPolicy(Kind.REFRESH, GoDuration.parse(text.substring("every_".length())));
            }
        };
    }

    public enum Kind implements WireValue {
        ALWAYS("always"), NEVER("never"), MISSING("missing"), BUILD("build"), REFRESH("refresh");

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

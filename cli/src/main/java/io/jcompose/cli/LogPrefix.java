package io.jcompose.cli;

import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.scheduler.naming.Labels;
import java.util.Collection;

/**
 * How one log line is shown when several containers share the output, as docker compose shows it:
 * {@code web-1  | message}, the name padded to the longest one, the prefix in a colour of its service's own
 * (the same colour on every run, so a user learns it). {@code up} in the foreground and {@code logs} both use it.
 *
 * @param width   the longest name among the containers shown
 * @param prefix  false for {@code --no-log-prefix}: the message alone
 * @param colours whether to colour the prefix
 */
record LogPrefix(int width, boolean prefix, boolean colours) {
    /** ANSI foreground colours docker compose cycles through: cyan, yellow, green, magenta, blue, and bright ones. */
    private static final String[] PALETTE = {"36", "33", "32", "35", "34", "96", "93", "92", "95", "94"};

    static LogPrefix of(Collection<ContainerView> containers, boolean prefix, boolean colours) {
        int width = containers.stream().mapToInt(c -> name(c).length()).max().orElse(0);
        return new LogPrefix(width, prefix, colours);
    }

    /**
     * {@code web-1}: the service and replica number; a one-off container ({@code run}) or one without compose labels
     * goes by its container name.
     */
    static String name(ContainerView c) {
        String service = c.labels().get(Labels.SERVICE);
        String number = c.labels().get(Labels.CONTAINER_NUMBER);
        if (service == null || number == null || "True".equals(c.labels().get(Labels.ONEOFF))) return c.name();
        return service + "-" + number;
    }

    /** The line as printed, without its line break. */
    String format(ContainerView c, String message) {
        if (!prefix) return message;
        String name = name(c);
        StringBuilder sb = new StringBuilder(width + 4 + message.length());
        String service = c.labels().getOrDefault(Labels.SERVICE, name);
        if (colours) sb.append("\u001b[").append(colour(service)).append('m');
        sb.append(name);
        for (int i = name.length(); i < width; i++) sb.append(' ');
        sb.append("  |");
        if (colours) sb.append("\u001b[0m");
        return sb.append(' ').append(message).toString();
    }

    /** The ANSI colour code of a service: derived from its name alone, so it is stable across runs and commands. */
    static String colour(String service) {
        return PALETTE[Math.floorMod(service.hashCode(), PALETTE.length)];
    }
}

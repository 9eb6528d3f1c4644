package io.jcompose.image.build.dockerfile;

import java.time.Duration;

/**
 * HEALTHCHECK's arguments: {@code NONE}, or {@code CMD} with a command in either form, and the timing options
 * as Go durations ({@code 0} = the default; anything else at least 1ms) and a non-negative retry count.
 */
final class HealthcheckArgs {
    private HealthcheckArgs() {
    }

    static Healthcheck parse(int line, String text, Flags flags, String args, ParseContext ctx) {
        String type = LineReader.firstWord(args);
        String rest = args.substring(type.length()).strip();
        if (type.isEmpty()) {
            throw ctx.error("HEALTHCHECK needs NONE or CMD", "write HEALTHCHECK CMD command or HEALTHCHECK NONE");
        }
        if (type.equalsIgnoreCase("NONE")) {
            if (!rest.isEmpty() || !flags.isEmpty()) {
                throw ctx.error("HEALTHCHECK NONE takes no arguments", "remove what follows NONE");
            }
            return new Healthcheck(line, text, true, null, null, null, null, null, null);
        }
        Duration interval = duration(flags, "interval", ctx);
        Duration timeout = duration(flags, "timeout", ctx);
        Duration startPeriod = duration(flags, "start-period", ctx);
        Duration startInterval = duration(flags, "start-interval", ctx);
        String retriesText = flags.string("retries", ctx);
        flags.rejectUnknown(Keyword.HEALTHCHECK, InstructionParser.accepted(Keyword.HEALTHCHECK), ctx);
        if (!type.equalsIgnoreCase("CMD")) {
            throw ctx.error("unknown HEALTHCHECK type " + type, "write HEALTHCHECK CMD command or HEALTHCHECK NONE");
        }
        if (rest.isEmpty()) {
            throw ctx.error("HEALTHCHECK CMD needs a command", "write HEALTHCHECK CMD curl -f http://localhost/");
        }
        Integer retries = null;
        if (retriesText != null) {
            try {
                retries = Integer.parseInt(retriesText);
            } catch (NumberFormatException e) {
                throw ctx.error("--retries=" + retriesText + " is not a number", "write --retries=3");
            }
            if (retries < 0) {
                throw ctx.error("--retries cannot be negative (" + retries + ")", "write --retries=0 or more");
            }
        }
        return new Healthcheck(line, text, false, InstructionParser.command(Keyword.HEALTHCHECK, rest, ctx), interval, timeout,
                startPeriod, startInterval, retries);
    }

    private static Duration duration(Flags flags, String name, ParseContext ctx) {
        String value = flags.string(name, ctx);
        if (value == null) {
            return null;
        }
        Duration d = Durations.parse(value);
        if (d == null) {
            throw ctx.error("--" + name + "=" + value + " is not a duration", "write e.g. --" + name + "=30s");
        }
        if (!d.isZero() && d.compareTo(Duration.ofMillis(1)) < 0) {
            throw ctx.error("--" + name + "=" + value + " is shorter than 1ms", "use 1ms or more (0 = the default)");
        }
        return d;
    }
}

package io.jcompose.agent.container;

import io.jcompose.agent.error.AgentException;
import java.util.List;
import java.util.Locale;

/** Signal names as users write them ({@code TERM}, {@code SIGTERM}, {@code 15}) → the runtime's form. */
public final class Signals {
    private static final List<String> NAMES = List.of("HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE",
            "KILL", "USR1", "SEGV", "USR2", "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN",
            "TTOU", "URG", "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS");

    private static final java.util.regex.Pattern REALTIME = java.util.regex.Pattern.compile("RTMIN(\\+\\d+)?|RTMAX(-\\d+)?");

    private Signals() {
    }

    /** {@code SIGxxx} for a name, or the number for a number; INVALID_ARGUMENT for anything else. */
    public static String normalize(String signal) {
        String s = signal == null ? "" : signal.strip().toUpperCase(Locale.ROOT);
        if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) {
            int n = Integer.parseInt(s.length() > 3 ? "999" : s);
            if (n >= 1 && n <= 64) {
                return Integer.toString(n);
            }
        }
        String name = s.startsWith("SIG") ? s.substring(3) : s;
        if (NAMES.contains(name) || REALTIME.matcher(name).matches()) {
            return "SIG" + name;
        }
        throw AgentException.invalid("\"" + signal + "\" is not a signal", "use a name such as SIGTERM or a number 1-64");
    }

    /** The number of a {@link #normalize normalized} signal; empty for the real-time names. */
    static java.util.OptionalInt number(String normalized) {
        if (normalized.chars().allMatch(Character::isDigit)) {
            return java.util.OptionalInt.of(Integer.parseInt(normalized));
        }
        int index = NAMES.indexOf(normalized.substring(3));
        return index < 0 ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(index + 1);
    }
}

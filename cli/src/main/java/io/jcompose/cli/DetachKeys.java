package io.jcompose.cli;

import java.io.ByteArrayOutputStream;

/**
 * The key sequence that detaches from an attached container, as docker reads {@code --detach-keys}: comma-separated
 * keys, each {@code ctrl-X} (X one of {@code a-z @ [ \ ] ^ _}) or a single character; the default is
 * {@code ctrl-p,ctrl-q}. {@link #scanner()} finds the sequence in typed input: keys that might begin it are held
 * back until it is complete (detach) or broken (they are passed on after all).
 */
record DetachKeys(byte[] sequence) {
    static final String DEFAULT = "ctrl-p,ctrl-q";

    static DetachKeys parse(String spec) {
        String[] keys = spec.split(",", -1);
        byte[] out = new byte[keys.length];
        for (int i = 0; i < keys.length; i++) {
            out[i] = key(keys[i].strip(), spec);
        }
        return new DetachKeys(out);
    }

    private static byte key(String key, String spec) {
        if (key.length() == 1) {
            return (byte) key.charAt(0);
        }
        String lower = key.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("ctrl-") && key.length() == 6) {
            char c = lower.charAt(5);
            if (c >= 'a' && c <= 'z') {
                return (byte) (c - 'a' + 1);
            }
            int at = "@[\\]^_".indexOf(c);
            if (at >= 0) {
                return (byte) (at == 0 ? 0 : 26 + at);
            }
        }
        throw new CommandFailure("--detach-keys " + spec + ": \"" + key + "\" is not a key; use ctrl-<a-z, @, [, \\, ], ^"
                + " or _> or a single character, separated by commas (e.g. ctrl-p,ctrl-q)");
    }

    Scanner scanner() {
        return new Scanner(sequence);
    }

    /** Input through the detach check; one per input stream, not thread-safe. */
    static final class Scanner {
        private final byte[] sequence;
        private int matched;

        Scanner(byte[] sequence) {
            this.sequence = sequence;
        }

        /**
         * Copies what is to be forwarded of {@code in[0, n)} to {@code out}; true when the sequence is complete
         * (what followed it is dropped).
         */
        boolean feed(byte[] in, int n, ByteArrayOutputStream out) {
            for (int i = 0; i < n; i++) {
                byte b = in[i];
                if (b == sequence[matched]) {
                    matched++;
                    if (matched == sequence.length) {
                        matched = 0;
                        return true;
                    }
                    continue;
                }
                if (matched > 0) {
                    out.write(sequence, 0, matched); // held back for nothing: they were ordinary keys
                    matched = 0;
                    if (b == sequence[0]) {
                        matched = 1;
                        continue;
                    }
                }
                out.write(b);
            }
            return false;
        }
    }
}

package io.jcompose.image.build.dockerfile;

import java.util.Locale;

/** The instruction keywords, matched case-insensitively, with the "did you mean" suggestion for typos. */
enum Keyword {
    ADD, ARG, CMD, COPY, ENTRYPOINT, ENV, EXPOSE, FROM, HEALTHCHECK, LABEL, MAINTAINER, ONBUILD, RUN, SHELL,
    STOPSIGNAL, USER, VOLUME, WORKDIR;

    private static final Keyword[] ALL = values();

    /** The keyword {@code word} spells in any case, or null. */
    static Keyword of(String word) {
        for (Keyword k : ALL) {
            if (k.name().equalsIgnoreCase(word)) {
                return k;
            }
        }
        return null;
    }

    /** True for the instructions that may carry heredocs. */
    boolean takesHeredocs() {
        return this == RUN || this == COPY || this == ADD;
    }

    /** The nearest keyword within a small edit distance of {@code word}, or null when none is close. */
    static Keyword nearest(String word) {
        String w = word.toUpperCase(Locale.ROOT);
        int limit = w.length() < 4 ? 1 : 2;
        Keyword best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Keyword k : ALL) {
            int d = distance(w, k.name());
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return bestDistance <= limit ? best : null;
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}

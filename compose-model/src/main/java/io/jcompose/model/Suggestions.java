package io.jcompose.model;

import java.util.Collection;
import java.util.List;

/** "Did you mean ...?" for misspelt keys, values and names, in every phase's errors. */
public final class Suggestions {
    private Suggestions() {
    }

    /**
     * The candidate closest to {@code word} by optimal-string-alignment distance (edits, plus swaps of
     * two neighbours, so {@code imgae} is one step from {@code image}), if it is at most two edits
     * away and the edits do not make up half the word; null otherwise. Case differences count as
     * edits, but a case-only difference always qualifies.
     */
    public static String closest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            if (c.equalsIgnoreCase(word)) return c;
            if (Math.abs(c.length() - word.length()) > 2) continue;
            int d = distance(word, c);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        if (best == null || bestDistance > 2 || bestDistance * 2 > word.length()) return null;
        return best;
    }

    public static int distance(String a, String b) {
        int n = a.length();
        int m = b.length();
        int[] prev2 = new int[m + 1];
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int j = 0; j <= m; j++) prev[j] = j;
        for (int i = 1; i <= n; i++) {
            cur[0] = i;
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                cur[j] = v;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return prev[m];
    }

    /** {@code 'a', 'b' or 'c'}. */
    public static String quotedList(List<String> words) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            if (i > 0) sb.append(i == words.size() - 1 ? " or " : ", ");
            sb.append('\'').append(words.get(i)).append('\'');
        }
        return sb.toString();
    }
}

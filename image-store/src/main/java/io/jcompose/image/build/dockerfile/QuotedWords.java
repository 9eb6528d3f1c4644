package io.jcompose.image.build.dockerfile;

import java.util.ArrayList;
import java.util.List;

/**
 * Docker's word splitting for ENV, LABEL and ARG: blanks outside quotes separate words; quotes and escapes
 * are kept in the word (expansion removes them later); an escape outside single quotes keeps the next
 * character in the word, even a quote or a blank.
 */
final class QuotedWords {
    private QuotedWords() {
    }

    static List<String> split(String rest, char escape) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        boolean blankOk = false;
        char quote = 0;
        int n = rest.length();
        for (int pos = 0; pos < n; pos++) {
            char c = rest.charAt(pos);
            if (quote == 0) {
                if (Character.isWhitespace(c)) {
                    if (inWord && (blankOk || !word.isEmpty())) {
                        words.add(word.toString());
                    }
                    word.setLength(0);
                    inWord = false;
                    blankOk = false;
                    continue;
                }
                inWord = true;
                if (c == '\'' || c == '"') {
                    quote = c;
                    blankOk = true;
                } else if (c == escape) {
                    if (pos + 1 == n) {
                        continue; // a trailing escape is dropped
                    }
                    word.append(c);
                    c = rest.charAt(++pos);
                }
                word.append(c);
                continue;
            }
            if (c == quote) {
                quote = 0;
            } else if (c == escape && quote != '\'') {
                if (pos + 1 == n) {
                    continue;
                }
                word.append(c);
                c = rest.charAt(++pos);
            }
            word.append(c);
        }
        if (inWord && (blankOk || !word.isEmpty())) {
            words.add(word.toString());
        }
        return words;
    }
}

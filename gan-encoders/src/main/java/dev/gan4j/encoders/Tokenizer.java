package dev.gan4j.encoders;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a sentence into words for the text encoders, in any language written with letters: NFKC
 * normalisation (so "e" + combining acute, a precomposed "é", and full-width or ligature forms become one
 * spelling), lower case in the root locale, accents kept ("café" and "cafe" stay different words), and a
 * break at every character that is neither a letter, a digit nor a combining mark.
 *
 * <p>An apostrophe ({@code '}, {@code ’} or {@code ʼ}) between letters ends a French elided word, which
 * becomes a token of its own with the apostrophe ("l'été" gives "l'" and "été", "qu'il" gives "qu'" and
 * "il"); after any other word it stays inside it ("don't", "aujourd'hui"). Typographic apostrophes are
 * written as {@code '}, so both spellings give the same token.
 */
public final class Tokenizer {
    private static final Set<String> ELIDED = Set.of("c", "d", "j", "l", "m", "n", "s", "t", "qu", "jusqu", "lorsqu", "puisqu",
            "quoiqu", "presqu", "quelqu");

    private Tokenizer() {
    }

    /** The words of {@code text}, in order; empty for a text without letters or digits. */
    public static List<String> tokens(String text) {
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        List<String> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int i = 0;
        while (i < normalized.length()) {
            int c = normalized.codePointAt(i);
            int next = i + Character.charCount(c);
            if (isApostrophe(c) && !word.isEmpty() && next < normalized.length()
                    && Character.isLetter(normalized.codePointAt(next))) {
                if (ELIDED.contains(word.toString())) {
                    tokens.add(word.append('\'').toString());
                    word.setLength(0);
                } else {
                    word.append('\'');
                }
            } else if (isWordPart(c) && !isApostrophe(c)) {
                word.appendCodePoint(c);
            } else if (!word.isEmpty()) {
                tokens.add(word.toString());
                word.setLength(0);
            }
            i = next;
        }
        if (!word.isEmpty()) {
            tokens.add(word.toString());
        }
        return tokens;
    }

    private static boolean isWordPart(int c) {
        int type = Character.getType(c);
        return Character.isLetterOrDigit(c) || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    private static boolean isApostrophe(int c) {
        return c == '\'' || c == '\u2019' || c == '\u02BC';
    }
}

package dev.gan4j.encoders;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TokenizerTest {
    @Test
    void frenchWordsKeepTheirAccentsAndLoseTheirCase() {
        assertEquals(List.of("un", "petit", "chien", "blanc", "mignon"), Tokenizer.tokens("un petit chien blanc mignon"));
        assertEquals(List.of("un", "café", "crème"), Tokenizer.tokens("Un CAFÉ crème"));
        assertEquals(List.of("une", "bottine", "claire", "à", "talons"), Tokenizer.tokens("Une bottine claire, à talons !"));
        assertEquals(List.of("noël", "à", "l'", "œuvre", "ça", "déçoit"), Tokenizer.tokens("Noël À L'ŒUVRE... ça déçoit?"));
    }

    @Test
    void elidedFrenchWordsAreTokensOfTheirOwnWithEitherApostrophe() {
        assertEquals(List.of("l'", "été"), Tokenizer.tokens("l'été"));
        assertEquals(List.of("l'", "homme", "qu'", "il", "voit", "d'", "ici"), Tokenizer.tokens("L\u2019homme qu'il voit d\u02BCici"));
        assertEquals(List.of("aujourd'hui", "jusqu'", "à", "demain"), Tokenizer.tokens("aujourd'hui jusqu'à demain"));
        assertEquals(List.of("l"), Tokenizer.tokens("l'"), "an apostrophe before no letter ends the word");
    }

    @Test
    void englishContractionsStayWholeAndPunctuationSplits() {
        assertEquals(List.of("a", "light", "ankle", "boot", "isn't", "it"), Tokenizer.tokens("A light ankle-boot, isn't it?"));
        assertEquals(List.of("the", "dog's", "2", "t", "shirts"), Tokenizer.tokens("The dog’s 2 T-shirts."));
        assertEquals(List.of(), Tokenizer.tokens(" ,;- !"));
    }

    @Test
    void compatibilityFormsAndCombiningAccentsBecomeOneSpelling() {
        assertEquals(Tokenizer.tokens("café"), Tokenizer.tokens("cafe\u0301"), "e + combining acute is é");
        assertEquals(List.of("cafe", "fin"), Tokenizer.tokens("\uFF23\uFF21\uFF26\uFF25 \uFB01n"), "full-width letters and the fi ligature");
        assertEquals(List.of("straße", "größe"), Tokenizer.tokens("Straße GRÖSSE".replace("SS", "ß")));
    }
}

package dev.gan4j.encoders;

import dev.gan4j.core.api.ConditionSchema;
import dev.gan4j.core.api.Conditions;

import java.util.List;

/** Checks shared by the text encoders. */
final class TextEncoders {
    private TextEncoders() {
    }

    static ConditionSchema requireTexts(ConditionSchema schema, String encoder) {
        if (!schema.texts()) {
            throw new IllegalArgumentException(encoder + " needs a text per example in the data; this data has "
                    + (!schema.tags().isEmpty() ? "tag sets (use multi-hot)" : !schema.classes().isEmpty()
                    ? "class labels (use one-hot, or an idx source with \"conditions\": \"captions\")" : "none"));
        }
        return schema;
    }

    static List<String> texts(Conditions conditions, String encoder) {
        if (conditions.texts() == null) {
            throw new IllegalArgumentException(encoder + " encodes texts; these conditions carry none");
        }
        return conditions.texts();
    }

    /** Sentences as conditions; a sentence needs at least one word. */
    static Conditions parse(List<String> wishes) {
        for (String wish : wishes) {
            if (Tokenizer.tokens(wish).isEmpty()) {
                throw new IllegalArgumentException("the text '" + wish + "' has no words; describe what to generate");
            }
        }
        return new Conditions(null, null, wishes);
    }
}

package dev.gan4j.datasets;

import java.util.ArrayList;
import java.util.List;

/**
 * Tags and captions for Fashion-MNIST (Xiao et al. 2017), which ships only class labels, so that tag and
 * text conditioning can be tried on real images. Each example's conditions follow from its class and its
 * image, so they are the same for the same example index in every run:
 *
 * <ul>
 *   <li>class attributes: what the garment is ({@code top}, {@code bottom}, {@code one-piece}, {@code footwear},
 *       {@code accessory}), {@code long-sleeves} or {@code short-sleeves}, {@code collar}, {@code outerwear},
 *       {@code sporty}, and the season ({@code summer}, {@code warm});</li>
 *   <li>image attributes: {@code dark} or {@code light} from the mean intensity of the garment's pixels (those of
 *       at least 32), below 145 or above 185, roughly the lower and upper thirds of the training set, as the image
 *       shows it (the data set's images are negated photographs, so it is the opposite of the garment's colour);
 *       {@code small} or {@code large} from the garment's pixel count, below the lower or above the upper third of
 *       its class in the training set. Examples in the middle thirds get neither tag of the pair.</li>
 * </ul>
 *
 * <p>A caption is a short English or French noun phrase of the same facts, e.g. "a light ankle boot",
 * "une bottine claire", "un petit pull sombre", "a dark shirt with long sleeves"; the language, the noun (among
 * synonyms) and whether sleeves are mentioned follow from a hash of the example index.
 */
final class FashionMnistConditions {
    static final List<String> TAGS = List.of("top", "bottom", "one-piece", "footwear", "accessory", "long-sleeves",
            "short-sleeves", "collar", "outerwear", "sporty", "summer", "warm", "dark", "light", "small", "large");
    private static final String[][] CLASS_TAGS = {
            {"top", "short-sleeves", "summer"},
            {"bottom"},
            {"top", "long-sleeves", "warm"},
            {"one-piece", "summer"},
            {"top", "long-sleeves", "warm", "outerwear"},
            {"footwear", "summer"},
            {"top", "long-sleeves", "collar"},
            {"footwear", "sporty"},
            {"accessory"},
            {"footwear", "warm"}};
    private static final int INK = 32;
    private static final double DARK_BELOW = 145;
    private static final double LIGHT_ABOVE = 185;
    private static final int[] SMALL_BELOW = {399, 236, 446, 273, 422, 156, 423, 198, 376, 310};
    private static final int[] LARGE_ABOVE = {440, 259, 501, 331, 470, 218, 484, 235, 453, 362};
    private static final String[][] ENGLISH = {{"t-shirt", "tee"}, {"pair of trousers", "pair of pants"},
            {"pullover", "sweater", "jumper"}, {"dress"}, {"coat", "jacket"}, {"sandal"}, {"shirt", "blouse"},
            {"sneaker", "trainer"}, {"bag", "handbag"}, {"ankle boot", "boot"}};
    private static final String[][] FRENCH = {{"t-shirt", "tee-shirt"}, {"pantalon"}, {"pull", "pull-over", "chandail"},
            {"robe"}, {"manteau", "veste"}, {"sandale"}, {"chemise", "chemisier"}, {"basket", "chaussure de sport"},
            {"sac", "sac à main"}, {"bottine"}};
    private static final boolean[][] FEMININE = {{false, false}, {false}, {false, false, false}, {true}, {false, true},
            {true}, {true, false}, {true, true}, {false, false}, {true}};

    private FashionMnistConditions() {
    }

    /** What an image shows: shade -1 dark, 1 light, 0 neither; size -1 small, 1 large, 0 neither. */
    record Look(int shade, int size) {
    }

    static Look look(byte[] pixels, int offset, int count, int label) {
        requireClass(label);
        long sum = 0;
        int area = 0;
        for (int p = offset; p < offset + count; p++) {
            int value = pixels[p] & 0xFF;
            if (value >= INK) {
                sum += value;
                area++;
            }
        }
        double mean = area == 0 ? 0 : sum / (double) area;
        int shade = mean < DARK_BELOW ? -1 : mean > LIGHT_ABOVE ? 1 : 0;
        int size = area < SMALL_BELOW[label] ? -1 : area > LARGE_ABOVE[label] ? 1 : 0;
        return new Look(shade, size);
    }

    /** The example's tags, in vocabulary order. */
    static List<String> tags(int label, Look look) {
        requireClass(label);
        List<String> tags = new ArrayList<>(List.of(CLASS_TAGS[label]));
        if (look.shade() != 0) {
            tags.add(look.shade() < 0 ? "dark" : "light");
        }
        if (look.size() != 0) {
            tags.add(look.size() < 0 ? "small" : "large");
        }
        tags.sort(java.util.Comparator.comparingInt(TAGS::indexOf));
        return tags;
    }

    /** Writes the example's multi-hot tag set into {@code row[offset, offset + TAGS.size())}. */
    static void tags(int label, Look look, float[] row, int offset) {
        for (String tag : tags(label, look)) {
            row[offset + TAGS.indexOf(tag)] = 1;
        }
    }

    /** The caption of the example at {@code index}: language, noun and sleeves chosen by a hash of the index. */
    static String caption(long index, int label, Look look) {
        long h = mix(index);
        requireClass(label);
        boolean french = (h & 1) == 1;
        int nouns = (french ? FRENCH : ENGLISH)[label].length;
        return caption(label, look, french, (int) Long.remainderUnsigned(h >>> 8, nouns), ((h >>> 20) & 1) == 1);
    }

    static String caption(int label, Look look, boolean french, int noun, boolean sleeves) {
        requireClass(label);
        String sleeve = sleeves ? sleeves(label) : null;
        if (french) {
            boolean feminine = FEMININE[label][noun];
            StringBuilder text = new StringBuilder(feminine ? "une " : "un ");
            if (look.size() != 0) {
                text.append(look.size() < 0 ? "petit" : "grand").append(feminine ? "e " : " ");
            }
            text.append(FRENCH[label][noun]);
            if (look.shade() != 0) {
                text.append(look.shade() < 0 ? " sombre" : feminine ? " claire" : " clair");
            }
            if (sleeve != null) {
                text.append(sleeve.equals("long") ? " à manches longues" : " à manches courtes");
            }
            return text.toString();
        }
        StringBuilder phrase = new StringBuilder();
        if (look.size() != 0) {
            phrase.append(look.size() < 0 ? "small " : "large ");
        }
        if (look.shade() != 0) {
            phrase.append(look.shade() < 0 ? "dark " : "light ");
        }
        phrase.append(ENGLISH[label][noun]);
        if (sleeve != null) {
            phrase.append(" with ").append(sleeve).append(" sleeves");
        }
        return ("aeiou".indexOf(phrase.charAt(0)) >= 0 ? "an " : "a ") + phrase;
    }

    private static String sleeves(int label) {
        List<String> tags = List.of(CLASS_TAGS[label]);
        return tags.contains("long-sleeves") ? "long" : tags.contains("short-sleeves") ? "short" : null;
    }

    /** One typical tag set per class, dark and light in turn: the rows of a tag model's sample grid. */
    static List<String> tagWishes() {
        List<String> wishes = new ArrayList<>();
        for (int c = 0; c < CLASS_TAGS.length; c++) {
            wishes.add(String.join(",", tags(c, new Look(c % 2 == 0 ? -1 : 1, 0))));
        }
        return wishes;
    }

    /** One caption per class, English and French in turn, with both shades and sizes: the rows of a text model's grid. */
    static List<String> captionWishes() {
        List<String> wishes = new ArrayList<>();
        for (int c = 0; c < CLASS_TAGS.length; c++) {
            wishes.add(caption(c, new Look(c % 2 == 0 ? -1 : 1, c % 3 == 1 ? -1 : c % 3 == 2 ? 1 : 0), c % 2 == 1, 0, c == 6));
        }
        return wishes;
    }

    private static void requireClass(int label) {
        if (label < 0 || label >= CLASS_TAGS.length) {
            throw new IllegalArgumentException("Fashion-MNIST has classes 0..9, found label " + label);
        }
    }

    /** SplitMix64's finaliser: neighbouring indices get unrelated bits. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

package org.neurosweep.postprocess.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A category of a {@link CategoryMap} (a dynamical regime, say): its label, colour and an optional
 * one-line description for the legend.
 *
 * @param label       the label written in its cells, e.g. "SI-fast"
 * @param colour      the cells' colour
 * @param description what it means, e.g. "synchronous irregular, fast oscillation"; {@code null} for none
 */
public record Category(String label, Color colour, String description) {
    /**
     * A qualitative palette that stays distinguishable for the common colour-vision deficiencies (after
     * Okabe and Ito), light enough for black text except the blues and the vermilion, which take white.
     */
    public static final List<Color> PALETTE = List.of(new Color(0x56b4e9), new Color(0xe69f00), new Color(0x009e73),
            new Color(0xcc79a7), new Color(0xf0e442), new Color(0x0072b2), new Color(0xd55e00), new Color(0x999999),
            new Color(0x88ccaa), new Color(0xbbbbbb));

    /** @throws IllegalArgumentException if the label is blank */
    public Category {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(colour, "colour");
        if (label.isBlank()) {
            throw new IllegalArgumentException("a category needs a label that is not blank");
        }
    }

    /**
     * The categories with these labels, in this order, coloured from {@link #PALETTE} (round again after
     * its end), without descriptions.
     */
    public static List<Category> palette(String... labels) {
        List<Category> out = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            out.add(new Category(labels[i], PALETTE.get(i % PALETTE.size()), null));
        }
        return out;
    }

    /** The same category with a description. */
    public Category describedAs(String text) {
        return new Category(label, colour, text);
    }
}

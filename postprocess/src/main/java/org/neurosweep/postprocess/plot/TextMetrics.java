package org.neurosweep.postprocess.plot;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;

/**
 * The one measure of text that every layout uses, so an SVG and a PNG of a figure are laid out alike:
 * Java2D's logical sans-serif font (DejaVu Sans on most Linux systems, a wide face, so browsers' usual
 * sans-serif fonts come out no wider) with fractional metrics, measured once at a reference size and
 * scaled, since glyph advances grow linearly with the size.
 */
public final class TextMetrics {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private static final float REFERENCE = 100f;
    private static final FontRenderContext CONTEXT = new FontRenderContext(null, true, true);
    private static final Font PLAIN = new Font(Font.SANS_SERIF, Font.PLAIN, 1).deriveFont(REFERENCE);
    private static final Font BOLD = new Font(Font.SANS_SERIF, Font.BOLD, 1).deriveFont(REFERENCE);
    private static final double ASCENT;
    private static final double DESCENT;

    static {
        LineMetrics m = PLAIN.getLineMetrics("Hg", CONTEXT);
        ASCENT = m.getAscent() / REFERENCE;
        DESCENT = m.getDescent() / REFERENCE;
    }

    private TextMetrics() {
    }

    /** Makes sure AWT is headless before anything else touches it. */
    static void init() {
        // the static initialiser does the work
    }

    /** The font that draws text of this size and weight, for Java2D. */
    public static Font font(double size, boolean bold) {
        return (bold ? BOLD : PLAIN).deriveFont((float) size);
    }

    /** The advance width of {@code text}, in pixels, at {@code size} pixels. */
    public static double width(String text, double size, boolean bold) {
        if (text.isEmpty()) {
            return 0;
        }
        return (bold ? BOLD : PLAIN).getStringBounds(text, CONTEXT).getWidth() * size / REFERENCE;
    }

    /** How far the font reaches above the baseline. */
    public static double ascent(double size) {
        return ASCENT * size;
    }

    /** How far the font reaches below the baseline. */
    public static double descent(double size) {
        return DESCENT * size;
    }

    /** Ascent plus descent: the height of one line of text, with no extra leading. */
    public static double lineHeight(double size) {
        return (ASCENT + DESCENT) * size;
    }
}

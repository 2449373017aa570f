package org.neurosweep.postprocess.plot;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

/** Checks on what a figure drew: texts inside the figure and apart from each other, ink inside too. */
final class Layouts {
    /** How far (px) boxes may touch before it counts: rounding, not design. */
    static final double TOLERANCE = 0.5;

    private Layouts() {
    }

    /** Draws {@code f} onto an SVG canvas and checks it; returns the canvas. */
    static SvgCanvas assertTidy(Figure f) {
        SvgCanvas canvas = new SvgCanvas(f.width(), f.height(), f.title(), f.alt());
        f.draw(canvas);
        assertTidy(canvas);
        return canvas;
    }

    static void assertTidy(Canvas canvas) {
        Rect page = new Rect(0, 0, canvas.width(), canvas.height());
        List<TextBox> texts = canvas.texts();
        assertFalse(texts.isEmpty(), "something was written");
        for (TextBox t : texts) {
            assertTrue(t.box().within(page, 0), "\"" + t.text() + "\" at " + t.box() + " reaches outside " + page);
        }
        for (int i = 0; i < texts.size(); i++) {
            for (int j = i + 1; j < texts.size(); j++) {
                TextBox a = texts.get(i);
                TextBox b = texts.get(j);
                assertFalse(a.box().overlaps(b.box(), TOLERANCE),
                        "\"" + a.text() + "\" " + a.box() + " overlaps \"" + b.text() + "\" " + b.box());
            }
        }
        assertNotNull(canvas.inkBounds());
        assertTrue(canvas.inkBounds().within(page, 0), "ink " + canvas.inkBounds() + " reaches outside " + page);
    }
}

package org.neurosweep.postprocess.plot;

import java.awt.Color;
import java.util.List;

/**
 * A legend: a colour swatch and a label per entry, with an optional one-line description. Drawn as a
 * column at the right of a plot (a {@link Sidebar}), or as one row.
 */
final class Legend implements Sidebar {
    /** One entry; a hatched swatch stands for "no value". */
    record Entry(String label, Color colour, String description, boolean hatched) {
    }

    static final double SIZE = 12;
    static final double NOTE_SIZE = 11;
    static final Color NOTE_COLOUR = new Color(0x55, 0x55, 0x55);
    private static final double SWATCH = 12;
    private static final double LEFT_GAP = 14;
    private static final double SPACE = 6;
    private static final double ROW_GAP = 6;

    private final List<Entry> entries;
    private final double maxShare;

    /** A column legend taking at most {@code maxShare} of its panel's width. */
    Legend(List<Entry> entries, double maxShare) {
        this.entries = List.copyOf(entries);
        this.maxShare = maxShare;
    }

    @Override
    public double width(Rect area, double boxHeight) {
        double labels = labelColumn();
        double notes = 0;
        for (Entry e : entries) {
            if (e.description() != null && !e.description().isBlank()) {
                notes = Math.max(notes, SPACE + 2 + TextMetrics.width(e.description(), NOTE_SIZE, false));
            }
        }
        return Math.min(LEFT_GAP + SWATCH + SPACE + labels + notes + 2, area.width() * maxShare);
    }

    /**
     * Entries top down; a description that does not fit beside its label is wrapped onto a second line
     * under the first, then shortened. Entries that do not fit the height are counted in a last line.
     */
    @Override
    public void draw(Canvas canvas, Rect slot) {
        double textX = slot.x() + LEFT_GAP + SWATCH + SPACE;
        double room = slot.right() - textX;
        double labelColumn = Math.min(labelColumn(), room);
        double noteX = textX + labelColumn + SPACE + 2;
        double lineHeight = Math.max(SWATCH, TextMetrics.lineHeight(SIZE));
        double more = TextMetrics.lineHeight(NOTE_SIZE);
        double y = slot.y();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            List<String> note = e.description() == null ? List.of()
                    : TextFit.wrap(e.description(), NOTE_SIZE, false, slot.right() - noteX, 2);
            double height = lineHeight + Math.max(0, note.size() - 1) * more;
            boolean last = i == entries.size() - 1;
            if (y + height > slot.bottom() || (!last && y + height + ROW_GAP + more > slot.bottom())) {
                String rest = "+ " + (entries.size() - i) + " more";
                if (y + more > slot.bottom()) {
                    return;
                }
                canvas.text(textX, y + TextMetrics.ascent(NOTE_SIZE), TextFit.ellipsize(rest, NOTE_SIZE, false, room),
                        TextStyle.of(NOTE_SIZE).withColour(NOTE_COLOUR));
                return;
            }
            double middle = y + lineHeight / 2;
            swatch(canvas, e, new Rect(slot.x() + LEFT_GAP, middle - SWATCH / 2, SWATCH, SWATCH));
            double baseline = middle + (TextMetrics.ascent(SIZE) - TextMetrics.descent(SIZE)) / 2;
            canvas.text(textX, baseline, TextFit.ellipsize(e.label(), SIZE, true, labelColumn), TextStyle.of(SIZE).asBold());
            for (int k = 0; k < note.size(); k++) {
                canvas.text(noteX, baseline + k * more, note.get(k), TextStyle.of(NOTE_SIZE).withColour(NOTE_COLOUR));
            }
            y += height + ROW_GAP;
        }
    }

    /** The width of {@code entries} drawn in one row by {@link #drawRow}. */
    static double rowWidth(List<Entry> entries) {
        double w = 0;
        for (Entry e : entries) {
            w += (w > 0 ? 3 * SPACE : 0) + SWATCH + SPACE + TextMetrics.width(e.label(), SIZE, true);
        }
        return w;
    }

    /** Draws the entries in one row starting at {@code x}, centred vertically on {@code middle}. */
    static void drawRow(Canvas canvas, List<Entry> entries, double x, double middle) {
        double baseline = middle + (TextMetrics.ascent(SIZE) - TextMetrics.descent(SIZE)) / 2;
        for (Entry e : entries) {
            swatch(canvas, e, new Rect(x, middle - SWATCH / 2, SWATCH, SWATCH));
            x += SWATCH + SPACE;
            canvas.text(x, baseline, e.label(), TextStyle.of(SIZE).asBold());
            x += TextMetrics.width(e.label(), SIZE, true) + 3 * SPACE;
        }
    }

    /** The height of a row drawn by {@link #drawRow}. */
    static double rowHeight() {
        return Math.max(SWATCH, TextMetrics.lineHeight(SIZE));
    }

    private double labelColumn() {
        double w = 0;
        for (Entry e : entries) {
            w = Math.max(w, TextMetrics.width(e.label(), SIZE, true));
        }
        return w;
    }

    private static void swatch(Canvas canvas, Entry e, Rect r) {
        if (e.hatched()) {
            CellMap.drawMissing(canvas, r);
        } else {
            canvas.rect(r, e.colour(), Pen.of(new Color(0, 0, 0, 60), 0.5));
        }
    }
}

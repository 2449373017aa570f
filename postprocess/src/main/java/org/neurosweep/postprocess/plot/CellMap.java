package org.neurosweep.postprocess.plot;

import java.awt.Color;

/**
 * The grid drawing that {@link Heatmap} and {@link CategoryMap} share: one coloured cell per (x, y) with
 * its text in it, hatched grey where there is no value, category axes, and a {@link Sidebar} at the right.
 *
 * <p>Cell text is fitted, not guessed: all cells use one font size, the largest (up to
 * {@value #MAX_TEXT} px) at which every text fits its cell with a little padding. If that is below
 * {@value #MIN_TEXT} px, no cell gets text (the colours still show the values; a grid with numbers in
 * some cells only would read as if the others had none). A second line (a note) is shown under each
 * text only if all of them fit at {@value #NOTE_RATIO} of that size, and at least {@value #MIN_TEXT} px.
 */
final class CellMap implements Panel {
    static final double MAX_TEXT = 14;
    static final double MIN_TEXT = 8;
    static final double NOTE_RATIO = 0.8;
    static final Color MISSING_FILL = new Color(0xee, 0xee, 0xee);
    private static final Color HATCH = new Color(0xc4, 0xc4, 0xc4);
    private static final Color MISSING_TEXT = new Color(0x55, 0x55, 0x55);
    private static final double PAD_X = 4;
    private static final double PAD_Y = 2;

    private final CellGrid grid;
    private final Color[][] fills;
    private final String[][] texts;
    private final String[][] notes;
    private final boolean bold;
    private final Sidebar sidebar;
    private final String description;

    /**
     * @param fills       the colour of each cell, [x][y]; {@code null} where there is no value
     * @param texts       the text in each cell, [x][y]
     * @param notes       a second, smaller line per cell, [x][y]; {@code null} (all or each) for none
     * @param bold        whether the texts are bold
     * @param sidebar     what to draw at the right; {@code null} for nothing
     * @param description what the panel shows, in words
     */
    CellMap(CellGrid grid, Color[][] fills, String[][] texts, String[][] notes, boolean bold, Sidebar sidebar,
            String description) {
        this.grid = grid;
        this.fills = fills;
        this.texts = texts;
        this.notes = notes;
        this.bold = bold;
        this.sidebar = sidebar;
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void draw(Canvas canvas, Rect area) {
        AxisSpec x = AxisSpec.categories(grid.xs(), grid.xTitle());
        AxisSpec y = AxisSpec.categories(grid.ys(), grid.yTitle());
        double reserve = sidebar == null ? 0 : sidebar.width(area, area.height() * 0.75);
        Axes axes = Axes.layout(area, x, y, reserve);
        if (sidebar != null && sidebar.width(area, axes.box().height()) != reserve) { // now that the box's height is known
            reserve = sidebar.width(area, axes.box().height());
            axes = Axes.layout(area, x, y, reserve);
        }
        Rect box = axes.box();
        double cellWidth = box.width() / grid.columns();
        double cellHeight = box.height() / grid.rows();
        double size = textSize(cellWidth, cellHeight, false);
        double withNotes = notes == null ? 0 : textSize(cellWidth, cellHeight, true);
        boolean showNotes = withNotes * NOTE_RATIO >= MIN_TEXT;
        if (showNotes) {
            size = withNotes;
        }
        for (int i = 0; i < grid.columns(); i++) {
            for (int j = 0; j < grid.rows(); j++) {
                Rect cell = new Rect(box.x() + i * cellWidth, box.bottom() - (j + 1) * cellHeight, cellWidth, cellHeight);
                Color ink;
                if (fills[i][j] == null) {
                    drawMissing(canvas, cell);
                    ink = MISSING_TEXT;
                } else {
                    canvas.rect(cell, fills[i][j], Pen.of(Color.WHITE, 1));
                    ink = Colormap.textOn(fills[i][j]);
                }
                if (size >= MIN_TEXT) {
                    drawText(canvas, cell, texts[i][j], showNotes ? note(i, j) : null, size, ink);
                }
            }
        }
        axes.drawFrame(canvas);
        if (sidebar != null) {
            sidebar.draw(canvas, new Rect(box.right(), box.y(), reserve, box.height()));
        }
    }

    /** A grey hatched rectangle: "no value here". */
    static void drawMissing(Canvas canvas, Rect r) {
        canvas.rect(r, MISSING_FILL, null);
        Pen pen = Pen.of(HATCH, 1);
        canvas.clip(r, () -> {
            for (double d = -r.height(); d < r.width(); d += 6) {
                canvas.line(r.x() + d, r.bottom(), r.x() + d + r.height(), r.y(), pen);
            }
        });
        canvas.rect(r, null, Pen.of(Color.WHITE, 1));
    }

    /**
     * The one size for all cell texts: the largest at which every cell's text (and note, if asked) fits;
     * 0 if that is below {@link #MIN_TEXT} (for the notes: if the notes would be below it).
     */
    private double textSize(double cellWidth, double cellHeight, boolean withNotes) {
        double size = MAX_TEXT;
        for (int i = 0; i < grid.columns(); i++) {
            for (int j = 0; j < grid.rows(); j++) {
                size = Math.min(size, fitSize(texts[i][j], withNotes ? note(i, j) : null, cellWidth, cellHeight));
            }
        }
        return size >= (withNotes ? MIN_TEXT / NOTE_RATIO : MIN_TEXT) ? size : 0;
    }

    /** The largest size, up to {@link #MAX_TEXT}, at which the text (and its note under it) fits the cell. */
    private double fitSize(String text, String note, double cellWidth, double cellHeight) {
        double width = cellWidth - 2 * PAD_X;
        double height = cellHeight - 2 * PAD_Y;
        double size = Math.min(MAX_TEXT, width / Math.max(1e-9, TextMetrics.width(text, 1, bold)));
        double lines = 1 + (note == null ? 0 : NOTE_RATIO);
        size = Math.min(size, height / (lines * TextMetrics.lineHeight(1)));
        if (note != null) {
            size = Math.min(size, width / Math.max(1e-9, NOTE_RATIO * TextMetrics.width(note, 1, false)));
        }
        return Math.max(0, size);
    }

    private void drawText(Canvas canvas, Rect cell, String text, String note, double size, Color ink) {
        double noteSize = size * NOTE_RATIO;
        double total = TextMetrics.lineHeight(size) + (note == null ? 0 : TextMetrics.lineHeight(noteSize));
        double top = cell.centerY() - total / 2;
        TextStyle style = TextStyle.of(size).middle().withColour(ink);
        canvas.text(cell.centerX(), top + TextMetrics.ascent(size), text, bold ? style.asBold() : style);
        if (note != null) {
            canvas.text(cell.centerX(), top + TextMetrics.lineHeight(size) + TextMetrics.ascent(noteSize), note,
                    TextStyle.of(noteSize).middle().withColour(ink));
        }
    }

    private String note(int i, int j) {
        String n = notes == null || notes[i] == null ? null : notes[i][j];
        return n == null || n.isBlank() ? null : n;
    }
}

package org.neurosweep.postprocess.plot;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;

/**
 * A figure: a title (wrapped onto two lines, then shortened, when longer than the width), panels stacked
 * top to bottom in shares of the height, and an optional caption under them, on a width × height canvas
 * in CSS pixels; with an alternative text for those who cannot see it. Drawn as SVG ({@link #svg()}) or
 * as PNG at {@value PngCanvas#PIXEL_SCALE}× pixel density ({@link #png()}) from the same layout.
 */
public final class Figure {
    static final double PADDING = 10;
    static final double TITLE_SIZE = 16;
    static final double CAPTION_SIZE = 11;
    private static final double PANEL_GAP = 10;
    private static final Color CAPTION_COLOUR = new Color(0x44, 0x44, 0x44);

    private final double width;
    private final double height;
    private final String title;
    private final String alt;
    private final String caption;
    private final List<Panel> panels;
    private final List<Double> weights;

    private Figure(Builder b) {
        width = b.width;
        height = b.height;
        title = b.title == null ? "" : b.title;
        caption = b.caption;
        panels = List.copyOf(b.panels);
        weights = List.copyOf(b.weights);
        alt = b.alt != null ? b.alt
                : (title.isEmpty() ? "" : title + ". ") + panels.stream().map(Panel::description).collect(Collectors.joining(" "));
    }

    /** A builder for a figure of {@code width} × {@code height} CSS pixels (each 100 to 10,000). */
    public static Builder builder(double width, double height) {
        return new Builder(width, height);
    }

    /** A figure of the panels in equal shares, its alternative text made from their descriptions. */
    public static Figure of(String title, double width, double height, Panel... panels) {
        Builder b = builder(width, height).title(title);
        for (Panel p : panels) {
            b.panel(p);
        }
        return b.build();
    }

    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    public String title() {
        return title;
    }

    /** The alternative text: what the figure shows, in words. */
    public String alt() {
        return alt;
    }

    /** Draws the figure onto {@code canvas} (which should be {@link #width()} × {@link #height()}). */
    public void draw(Canvas canvas) {
        Rect area = new Rect(0, 0, width, height).grow(-PADDING);
        double top = area.y();
        TextStyle titleStyle = TextStyle.of(TITLE_SIZE).asBold().middle();
        for (String line : TextFit.wrap(title, TITLE_SIZE, true, area.width(), 2)) {
            canvas.text(area.centerX(), top + TextMetrics.ascent(TITLE_SIZE), line, titleStyle);
            top += TextMetrics.lineHeight(TITLE_SIZE) + 2;
        }
        double bottom = area.bottom();
        if (caption != null) {
            List<String> lines = TextFit.wrap(caption, CAPTION_SIZE, false, area.width(), 3);
            TextStyle captionStyle = TextStyle.of(CAPTION_SIZE).withColour(CAPTION_COLOUR);
            bottom -= lines.size() * TextMetrics.lineHeight(CAPTION_SIZE);
            for (int i = 0; i < lines.size(); i++) {
                canvas.text(area.x(), bottom + i * TextMetrics.lineHeight(CAPTION_SIZE) + TextMetrics.ascent(CAPTION_SIZE),
                        lines.get(i), captionStyle);
            }
        }
        double total = weights.stream().mapToDouble(Double::doubleValue).sum();
        double room = Math.max(0, bottom - top - PANEL_GAP * panels.size());
        for (int i = 0; i < panels.size(); i++) {
            double h = room * weights.get(i) / total;
            panels.get(i).draw(canvas, new Rect(area.x(), top + PANEL_GAP / 2, area.width(), h));
            top += h + PANEL_GAP;
        }
    }

    /** The figure as a standalone SVG document. */
    public String svg() {
        SvgCanvas canvas = new SvgCanvas(width, height, title, alt);
        draw(canvas);
        return canvas.toSvg();
    }

    /** The figure as an image of {@value PngCanvas#PIXEL_SCALE}× its size in pixels. */
    public BufferedImage png() {
        PngCanvas canvas = new PngCanvas(width, height);
        draw(canvas);
        return canvas.image();
    }

    /**
     * Writes the figure to {@code file} as SVG or PNG, by the file name's ending (.svg or .png, in any
     * case), whole or not at all: into a temporary file beside it, then renamed over it in one step. No
     * temporary file is left behind, even on failure.
     *
     * @throws IllegalArgumentException if the file name ends otherwise
     */
    public void save(Path file) throws IOException {
        Path name = file.getFileName();
        String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        boolean asSvg = lower.endsWith(".svg");
        if (!asSvg && !lower.endsWith(".png")) {
            throw new IllegalArgumentException(file + ": a figure is saved as SVG or PNG, so the file name must end in"
                    + " .svg or .png");
        }
        Path temporary = temporaryBeside(file.toAbsolutePath());
        try {
            if (asSvg) {
                Files.writeString(temporary, svg(), StandardCharsets.UTF_8);
            } else if (!ImageIO.write(png(), "png", temporary.toFile())) {
                throw new IOException("this JVM has no PNG writer, so " + file + " cannot be written");
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** A new empty hidden file beside {@code file}, with the usual permissions (not a temp file's 0600). */
    private static Path temporaryBeside(Path file) throws IOException {
        while (true) {
            Path candidate = file.resolveSibling("." + file.getFileName() + "."
                    + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) + ".tmp");
            try {
                return Files.createFile(candidate);
            } catch (FileAlreadyExistsException taken) {
                // try another name
            }
        }
    }

    /** Builds a {@link Figure}; each setting may be made once. */
    public static final class Builder {
        private final double width;
        private final double height;
        private String title;
        private String alt;
        private String caption;
        private final List<Panel> panels = new ArrayList<>();
        private final List<Double> weights = new ArrayList<>();

        private Builder(double width, double height) {
            if (!(width >= 100 && width <= 10_000) || !(height >= 100 && height <= 10_000)) {
                throw new IllegalArgumentException("a figure must be 100 to 10000 pixels each way, not " + width + " x "
                        + height);
            }
            this.width = width;
            this.height = height;
        }

        /** The title drawn at the top (and the SVG's {@code <title>}); "" for none. */
        public Builder title(String t) {
            title = once("title", title, t);
            return this;
        }

        /** The alternative text; by default the title and the panels' descriptions. */
        public Builder alt(String a) {
            alt = once("alt text", alt, a);
            return this;
        }

        /** A caption in small type under the panels (up to three lines, then shortened). */
        public Builder caption(String c) {
            caption = once("caption", caption, c);
            return this;
        }

        /** Adds a panel below those added before, with weight 1. */
        public Builder panel(Panel p) {
            return panel(p, 1);
        }

        /** Adds a panel below those added before; panels share the height in proportion to their weights. */
        public Builder panel(Panel p, double weight) {
            Objects.requireNonNull(p, "panel");
            if (!(weight > 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("a panel's weight must be a positive number, not " + weight);
            }
            panels.add(p);
            weights.add(weight);
            return this;
        }

        /** @throws IllegalStateException if no panel was added */
        public Figure build() {
            if (panels.isEmpty()) {
                throw new IllegalStateException("a figure needs at least one panel");
            }
            return new Figure(this);
        }

        private static String once(String what, String old, String value) {
            Objects.requireNonNull(value, what);
            if (old != null) {
                throw new IllegalStateException("the " + what + " is already set, to \"" + old + "\"");
            }
            return value;
        }
    }
}

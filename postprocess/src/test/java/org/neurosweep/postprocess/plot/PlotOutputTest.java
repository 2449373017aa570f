package org.neurosweep.postprocess.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** SVG that is XML, PNG at twice the size, and files written whole or not at all. */
class PlotOutputTest {
    @TempDir
    Path dir;

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void svgIsAStandaloneXmlDocumentWithTitleDescriptionAndUnits() throws Exception {
        Figure f = Samples.heatmap();
        Document doc = parse(f.svg());
        Element root = doc.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());
        assertEquals("720", root.getAttribute("width"));
        assertEquals("560", root.getAttribute("height"));
        assertEquals("0 0 720 560", root.getAttribute("viewBox"));
        assertEquals("sans-serif", root.getAttribute("font-family"));
        assertEquals(f.title(), doc.getElementsByTagNameNS("*", "title").item(0).getTextContent());
        String desc = doc.getElementsByTagNameNS("*", "desc").item(0).getTextContent();
        assertTrue(desc.contains("rate_e (Hz)") && desc.contains("0.0193") && desc.contains("2390"), desc);
        assertTrue(f.svg().contains(">rate_e (Hz), log scale</text>"));
    }

    @Test
    void textIsEscaped() throws Exception {
        String nasty = "<b> & \"quotes\" 'and' \u0001 ]]> 𝜈 ν";
        Figure f = LinePlot.figure(nasty, new double[] {1, 2, 3}, new double[] {1, 4, 9}, null, "x <ms>", "y & z");
        Document doc = parse(f.svg());
        assertEquals("<b> & \"quotes\" 'and'  ]]> 𝜈 ν", doc.getElementsByTagNameNS("*", "title").item(0).getTextContent());
        assertTrue(f.svg().contains(">x &lt;ms&gt;</text>"));
    }

    @Test
    void aRasterOfFiftyThousandSpikesIsOnePathPerGroupAndSmall() throws Exception {
        Figure f = Samples.raster(50_000);
        String svg = f.svg();
        assertTrue(svg.length() < 1_500_000, "SVG of " + svg.length() + " characters");
        parse(svg);
        List<String> markPaths = Pattern.compile("<path d=\"M[^\"]*h1\\.5[^\"]*\"").matcher(svg).results()
                .map(MatchResult::group).toList();
        assertEquals(2, markPaths.size(), "one path of marks per group");
        long marks = markPaths.stream().mapToLong(p -> p.chars().filter(c -> c == 'M').count()).sum();
        long spikes = Samples.groups(50_000, true).stream().mapToLong(g -> g.times().length).sum();
        assertEquals(spikes, marks, "every spike is a mark");
        assertTrue(spikes >= 49_000, "about 50,000 spikes: " + spikes);
    }

    @Test
    void pngIsTwiceTheSizeAndReadable() throws Exception {
        Path png = dir.resolve("rates.png");
        Figure f = Samples.heatmap();
        f.save(png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(2 * 720, image.getWidth());
        assertEquals(2 * 560, image.getHeight());
        assertEquals(0xffffff, image.getRGB(0, 0) & 0xffffff, "a white background");
        assertNotEquals(0xffffff, image.getRGB(image.getWidth() / 2, image.getHeight() / 2) & 0xffffff, "cells drawn");
    }

    @Test
    void aBadEndingIsRefusedByName() {
        Path jpg = dir.resolve("rates.jpg");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Samples.line().save(jpg));
        assertTrue(e.getMessage().contains("rates.jpg") && e.getMessage().contains(".svg")
                && e.getMessage().contains(".png"), e.getMessage());
        assertTrue(Files.notExists(jpg));
        assertThrows(IllegalArgumentException.class, () -> Samples.line().save(dir.resolve("svg")));
    }

    @Test
    void savingOverAFileReplacesItWholeAndLeavesNoTemporaryFile() throws Exception {
        Path svg = dir.resolve("line.SVG");
        Files.writeString(svg, "old");
        Samples.line().save(svg);
        assertTrue(Files.readString(svg).startsWith("<?xml"));
        parse(Files.readString(svg));
        Samples.line().save(dir.resolve("line.png"));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("line.SVG", "line.png"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aFailedSaveLeavesNothingBehind() throws IOException {
        Path taken = dir.resolve("taken.svg");
        Files.createDirectories(taken.resolve("inside"));
        assertThrows(IOException.class, () -> Samples.line().save(taken));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("taken.svg"), files.map(p -> p.getFileName().toString()).toList());
        }
        assertThrows(IOException.class, () -> Samples.line().save(dir.resolve("missing").resolve("x.svg")));
    }

    @Test
    void aFigureSettingIsMadeOnce() {
        Figure.Builder b = Figure.builder(400, 300).title("one");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> b.title("two"));
        assertTrue(e.getMessage().contains("\"one\""), e.getMessage());
        assertThrows(IllegalStateException.class, () -> Figure.builder(400, 300).build());
        assertThrows(IllegalArgumentException.class, () -> Figure.builder(20, 300));
    }
}

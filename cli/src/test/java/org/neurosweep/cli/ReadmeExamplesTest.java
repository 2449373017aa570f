package org.neurosweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neurosweep.cli.PomXml.text;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * The README's examples compile as written, imports included, and its pom snippets name this build's
 * versions, so they cannot rot.
 *
 * <p>A {@code ```java} block that declares a type ({@code class}, {@code record}, {@code interface},
 * {@code enum}, after its imports) is a whole source file. Any other block is statements: its leading
 * {@code import} lines head a generated class, the rest becomes the body of a method of it that may throw
 * any exception.
 */
class ReadmeExamplesTest {
    private static final Pattern FENCE = Pattern.compile("(?ms)^```(\\w+)\\n(.*?)^```");
    private static final Pattern TYPE = Pattern.compile("(?m)^(?:public\\s+|final\\s+|abstract\\s+)*(?:class|record|interface|enum)\\s+(\\w+)");

    @TempDir
    Path dir;

    @Test
    void everyJavaBlockCompiles() throws Exception {
        List<String> blocks = blocks("java");
        assertTrue(blocks.size() >= 2, "the README has Java examples: " + blocks.size());
        List<Path> sources = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            sources.add(sourceFile(blocks.get(i), i));
        }
        JavaSources.compile(sources, dir.resolve("classes"));
    }

    @Test
    void pomSnippetsNameThisBuildsVersions() throws Exception {
        Properties versions = NewProject.versions();
        int checked = 0;
        for (String block : blocks("xml")) {
            Element snippet = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(("<snippet>" + block + "</snippet>").getBytes(StandardCharsets.UTF_8)))
                    .getDocumentElement();
            for (Element d : dependencies(snippet)) {
                String expected = switch (text(d, "groupId")) {
                    case "org.neurosweep" -> org.neurosweep.trajectory.Version.NEUROSWEEP;
                    case "org.slf4j" -> versions.getProperty("slf4j");
                    default -> null;
                };
                if (expected != null) {
                    assertEquals(expected, text(d, "version"), text(d, "artifactId") + " in the README");
                    checked++;
                }
            }
        }
        assertTrue(checked >= 2, "the README shows the neurosweep dependency and the BOM: " + checked + " found");
    }

    /** Writes one block as a compilable file, by the convention in the class comment. */
    private Path sourceFile(String block, int index) throws Exception {
        Matcher type = TYPE.matcher(block);
        if (type.find()) {
            return Files.writeString(dir.resolve(type.group(1) + ".java"), block);
        }
        StringBuilder imports = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (String line : block.lines().toList()) {
            boolean heading = body.toString().isBlank();
            (heading && (line.startsWith("import ") || line.isBlank()) ? imports : body).append(line).append('\n');
        }
        String name = "ReadmeExample" + index;
        return Files.writeString(dir.resolve(name + ".java"), imports + "\nclass " + name + " {\n"
                + "    void example() throws Exception {\n" + body + "    }\n}\n");
    }

    private static List<String> blocks(String language) throws Exception {
        String readme = Files.readString(RepositoryRoot.path().resolve("README.md"));
        List<String> found = new ArrayList<>();
        Matcher m = FENCE.matcher(readme);
        while (m.find()) {
            if (m.group(1).equals(language)) {
                found.add(m.group(2));
            }
        }
        return found;
    }

    /** Every dependency element below the snippet, however deep. */
    private static List<Element> dependencies(Element e) {
        List<Element> found = new ArrayList<>();
        if (e.getTagName().equals("dependency")) {
            found.add(e);
        }
        for (var n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                found.addAll(dependencies(child));
            }
        }
        return found;
    }
}

package org.neurosweep.cli;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@link HeadlessBrowser} found on a report's pages.
 *
 * @param pages    the pages rendered, relative to the first one's directory, the first one first
 * @param problems every problem, in the order found
 * @param took     the time chromium took, all pages together
 */
record BrowserVerdict(List<String> pages, List<Problem> problems, Duration took) {
    BrowserVerdict {
        pages = List.copyOf(pages);
        problems = List.copyOf(problems);
    }

    /** No problem on any page. */
    boolean clean() {
        return problems.isEmpty();
    }

    /** Each problem as {@code CHECK page where}, sorted: what a test compares, without the details. */
    Set<String> summary() {
        Set<String> out = new TreeSet<>();
        for (Problem p : problems) {
            out.add(p.check() + " " + p.page() + " " + p.where());
        }
        return out;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append(problems.size()).append(problems.size() == 1 ? " problem" : " problems")
                .append(" on ").append(String.join(", ", pages)).append(" (chromium took ").append(took.toMillis()).append(" ms)");
        for (Problem p : problems) {
            sb.append("\n  ").append(p);
        }
        return sb.toString();
    }

    /**
     * One problem.
     *
     * @param check what is wrong
     * @param page  the page, relative to the first page's directory (an SVG file's problem: the first page)
     * @param where a CSS selector of the element (an SVG file's problem: the file; a script error: its line)
     * @param what  the details: the image, the widths, the parser's message
     */
    record Problem(Check check, String page, String where, String what) {
        @Override
        public String toString() {
            return page + ": " + check + " at " + where + ": " + what;
        }
    }

    /** The checks; report-check.js makes the ones in the page, {@link HeadlessBrowser} the links'. */
    enum Check {
        /** An {@code <img>} that is not complete, or has no natural width: missing, or not a valid image (an SVG that does not parse). */
        BROKEN_IMAGE,
        /** An {@code <img>} without alt text, or with one of only blanks. */
        MISSING_ALT,
        /** An {@code <img>} wider than the content box of its container. */
        IMAGE_OVERFLOWS,
        /**
         * A {@code <table>} wider than the content box of its container. A table in a scrolling wrapper (an ancestor
         * with overflow-x auto or scroll) may be as wide as it likes; then the wrapper must fit its container.
         */
        TABLE_OVERFLOWS,
        /**
         * The page is wider than the window (scrolls sideways at 1280 px); names the outermost elements that stick
         * out and are not already an {@link #IMAGE_OVERFLOWS} or {@link #TABLE_OVERFLOWS}.
         */
        PAGE_TOO_WIDE,
        /** An element that hides its overflow (overflow hidden or clip) with content wider or taller than its box. */
        TEXT_CLIPPED,
        /** A link to a local file (a, area, link, iframe, embed, object) that does not exist. */
        BROKEN_LINK,
        /** A link to a local file outside the report's directory: the report would break when it is moved. */
        LINK_OUTSIDE,
        /** A link to {@code #id} on the same page where no element has that id (or name). */
        MISSING_ANCHOR,
        /** An SVG file in the report's directory that does not parse as XML, or whose root is not an SVG {@code <svg>}. */
        BAD_SVG,
        /** An uncaught error of a script on the page (or of the checks themselves). */
        SCRIPT_ERROR
    }
}

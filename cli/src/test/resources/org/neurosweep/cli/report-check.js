// Injected by HeadlessBrowser at the end of a copy of a report page (its errors were collected from the start).
// On the window's load event it looks for the problems BrowserVerdict.Check lists and writes them into
// a hidden pre element of id neurosweep-check, which chromium --dump-dom prints; each line is
// "problem CHECK WHERE WHAT", "link WHERE PATH" or, last, "done", the fields URI-encoded so that no line
// holds a space, a newline or markup of its own. HeadlessBrowser replaces the marker below with the SVG
// files of the report's directory, to parse.
(() => {
  'use strict';
  const svgFiles = /*SVG_FILES*/[];
  const lines = [];
  const report = (check, where, what) => lines.push(['problem', check, where, what].map(encodeURIComponent).join(' '));

  // Lazy images below the fold would never load in a window that does not scroll; load them all once the
  // page is parsed, which is before the load event, so that the load event waits for them.
  addEventListener('DOMContentLoaded', () => {
    for (const img of document.images) {
      img.loading = 'eager';
    }
  });

  /** A CSS selector that finds el, for the reader of a problem. */
  function where(el) {
    const parts = [];
    for (let e = el; e && e.nodeType === Node.ELEMENT_NODE && e !== document.documentElement; e = e.parentElement) {
      let part = e.localName;
      if (e.id) {
        parts.unshift(`${part}#${CSS.escape(e.id)}`);
        break;
      }
      for (const c of e.classList) {
        part += `.${CSS.escape(c)}`;
      }
      const sameTag = e.parentElement ? [...e.parentElement.children].filter(s => s.localName === e.localName) : [e];
      if (sameTag.length > 1) {
        part += `:nth-of-type(${sameTag.indexOf(e) + 1})`;
      }
      parts.unshift(part);
    }
    return parts.join(' > ');
  }

  const px = v => `${Math.round(v)} px`;
  const style = el => getComputedStyle(el);
  const snippet = el => JSON.stringify((el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 60));

  /** The nearest ancestor that lays out a box (an inline element or display: contents has no width of its own). */
  function container(el) {
    let p = el.parentElement;
    while (p && ['inline', 'contents'].includes(style(p).display)) {
      p = p.parentElement;
    }
    return p;
  }

  /** The width el's children may use: its client width less its padding. */
  function contentWidth(el) {
    const s = style(el);
    return el.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
  }

  /** Is el wider than the content box of its container? Returns [its width, the room] if so. */
  function tooWide(el) {
    const box = container(el);
    const width = el.getBoundingClientRect().width;
    const room = box ? contentWidth(box) : document.documentElement.clientWidth;
    return width > room + 1 ? [width, room] : null;
  }

  const scrolls = el => ['auto', 'scroll'].includes(style(el).overflowX);
  const reported = new Set(); // elements already named by a problem, so that one cause gives one problem

  function images() {
    for (const img of document.images) {
      const src = img.getAttribute('src') || '';
      if (!img.complete || img.naturalWidth === 0) {
        report('BROKEN_IMAGE', where(img), `${src} did not load or decode`);
        reported.add(img);
      }
      if (!(img.getAttribute('alt') || '').trim()) {
        report('MISSING_ALT', where(img), `${src} has no alt text`);
      }
      const wide = style(img).display === 'none' ? null : tooWide(img);
      if (wide) {
        report('IMAGE_OVERFLOWS', where(img), `${src} is ${px(wide[0])} wide in a box of ${px(wide[1])}`);
        reported.add(img);
      }
    }
  }

  /** A table fits its container, or sits in a scrolling wrapper (overflow-x auto or scroll) that does. */
  function tables() {
    for (const table of document.querySelectorAll('table')) {
      let wrapper = table.parentElement;
      while (wrapper && wrapper !== document.body && !scrolls(wrapper)) {
        wrapper = wrapper.parentElement;
      }
      const inWrapper = wrapper && wrapper !== document.body;
      const el = inWrapper ? wrapper : table;
      const wide = tooWide(el);
      if (wide) {
        report('TABLE_OVERFLOWS', where(table), inWrapper
            ? `its scrolling wrapper ${where(wrapper)} is ${px(wide[0])} wide in a box of ${px(wide[1])}`
            : `${px(wide[0])} wide in a box of ${px(wide[1])}, and not in a scrolling wrapper`);
        reported.add(el);
      }
    }
  }

  /** The page is no wider than the window; names the outermost elements that stick out, once each. */
  function pageWidth() {
    const html = document.documentElement;
    if (html.scrollWidth <= html.clientWidth + 1) {
      return;
    }
    const culprits = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT, {
      acceptNode(el) {
        if (el.getBoundingClientRect().right > html.clientWidth + 1) {
          culprits.push(el);
          return NodeFilter.FILTER_REJECT;
        }
        // what overflows inside a box that clips or scrolls does not widen the page
        return style(el).overflowX === 'visible' ? NodeFilter.FILTER_SKIP : NodeFilter.FILTER_REJECT;
      },
    });
    while (walker.nextNode()) {
      // acceptNode does the work
    }
    // an image or table already named, or an inline element (a link) around one, is not named again
    const fresh = culprits.filter(el => ![...reported].some(r => el.contains(r)));
    for (const el of fresh) {
      report('PAGE_TOO_WIDE', where(el), `reaches ${px(el.getBoundingClientRect().right)}, the window is ${px(html.clientWidth)}`);
    }
    if (culprits.length === 0) {
      report('PAGE_TOO_WIDE', 'html', `the page is ${px(html.scrollWidth)} wide, the window ${px(html.clientWidth)}`);
    }
  }

  /** Content wider or taller than a box that hides its overflow (overflow hidden or clip, text-overflow). */
  function clippedText() {
    const replaced = new Set(['img', 'svg', 'video', 'canvas', 'iframe', 'object', 'embed', 'input', 'textarea', 'select']);
    for (const el of document.body.querySelectorAll('*')) {
      if (replaced.has(el.localName)) {
        continue;
      }
      const s = style(el);
      const hides = v => v === 'hidden' || v === 'clip';
      if (hides(s.overflowX) && el.scrollWidth > el.clientWidth + 1) {
        report('TEXT_CLIPPED', where(el), `content ${px(el.scrollWidth)} wide in a box of ${px(el.clientWidth)}: ${snippet(el)}`);
      } else if (hides(s.overflowY) && el.scrollHeight > el.clientHeight + 1) {
        report('TEXT_CLIPPED', where(el), `content ${px(el.scrollHeight)} high in a box of ${px(el.clientHeight)}: ${snippet(el)}`);
      }
    }
  }

  /** Links to local files go to HeadlessBrowser (which checks them and the pages among them); anchors here. */
  function links() {
    const here = location.href.split('#')[0];
    const targets = document.querySelectorAll('a[href], area[href], link[href], iframe[src], embed[src], object[data]');
    for (const el of targets) {
      const url = new URL(el.href || el.src || el.data, location.href);
      if (url.protocol !== 'file:') {
        continue; // the web, mail: not the report's business offline
      }
      if (url.href.split('#')[0] === here) {
        const id = decodeURIComponent(url.hash.slice(1));
        if (id && !document.getElementById(id) && !document.getElementsByName(id).length) {
          report('MISSING_ANCHOR', where(el), `#${id} is not on this page`);
        }
        continue;
      }
      lines.push(['link', where(el), decodeURIComponent(url.pathname)].map(encodeURIComponent).join(' '));
    }
  }

  function svgs() {
    for (const file of svgFiles) {
      let text;
      try {
        const request = new XMLHttpRequest(); // synchronous: done before the DOM is dumped; fetch() refuses file:
        request.open('GET', file, false);
        request.send();
        text = request.responseText;
      } catch (e) {
        report('BAD_SVG', file, `could not be read: ${e.message}`);
        continue;
      }
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const error = doc.querySelector('parsererror');
      const root = doc.documentElement;
      if (error) {
        // Chromium's parsererror wraps the parser's message (its div) in a heading and a footnote
        report('BAD_SVG', file, (error.querySelector('div') || error).textContent.replace(/\s+/g, ' ').trim());
      } else if (root.localName !== 'svg' || root.namespaceURI !== 'http://www.w3.org/2000/svg') {
        report('BAD_SVG', file, `its root is <${root.localName}> in ${root.namespaceURI}, not <svg> in the SVG namespace`);
      }
    }
  }

  /** The page's uncaught errors, which HeadlessBrowser's one line in the head collects from the start. */
  function scriptErrors() {
    const dir = location.href.replace(/[^/]*$/, '');
    for (const [file, line, message] of window.neurosweepErrors || []) {
      report('SCRIPT_ERROR', `${(file || 'page').replace(dir, '')} line ${line}`, message);
    }
  }

  addEventListener('load', () => {
    for (const check of [scriptErrors, images, tables, pageWidth, clippedText, links, svgs]) {
      try {
        check();
      } catch (e) {
        report('SCRIPT_ERROR', `neurosweep check ${check.name}`, String(e && e.stack || e));
      }
    }
    lines.push('done');
    const out = document.createElement('pre');
    out.id = 'neurosweep-check';
    out.hidden = true;
    out.textContent = `\n${lines.join('\n')}\n`;
    (document.body || document.documentElement).append(out);
  });
})();

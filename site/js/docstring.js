// A docstring as text for the page: paragraphs as <p>, ``code`` as <code>, hard line
// breaks joined, indented blocks as code, and ">>>" examples left out (the source
// listing shows them). Built with textContent only: a learner's docstring is never markup.

/** The paragraphs of a docstring: [{kind: "text" | "code", text}], without doctest blocks. */
export function docBlocks(doc) {
  return doc.replace(/\r\n?/g, "\n").split(/\n[ \t]*\n/)
    .map((block) => block.replace(/^\n+|\s+$/g, ""))
    .filter((block) => block && !block.trimStart().startsWith(">>>"))
    .map((block) => {
      const lines = block.split("\n");
      if (lines.every((line) => /^\s/.test(line))) {
        const indent = Math.min(...lines.map((line) => line.match(/^\s*/)[0].length));
        return { kind: "code", text: lines.map((line) => line.slice(indent)).join("\n") };
      }
      // A paragraph ending in "::" introduces a code block: one colon reads right.
      return { kind: "text", text: lines.map((line) => line.trim()).join(" ").replace(/::$/, ":") };
    });
}

/** Fills `element` with the docstring's first `paragraphs` blocks, as <p> and <pre><code>. */
export function renderDocstring(element, doc, { paragraphs = Infinity } = {}) {
  element.replaceChildren(...docBlocks(doc ?? "").slice(0, paragraphs).map(({ kind, text }) => {
    if (kind === "code") {
      const pre = document.createElement("pre");
      pre.append(Object.assign(document.createElement("code"), { textContent: text }));
      return pre;
    }
    const paragraph = document.createElement("p");
    const parts = text.split("``");
    // An unpaired `` is shown as it is.
    (parts.length % 2 ? parts : [text]).forEach((part, i) => {
      paragraph.append(i % 2 ? Object.assign(document.createElement("code"), { textContent: part }) : part);
    });
    return paragraph;
  }));
}

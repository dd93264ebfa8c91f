/** The text a button shows: its own text plus what its slots render (flattened), whitespace folded. */
export function buttonLabel(button: Element): string {
  const text = [...button.childNodes]
    .filter((node) => node.nodeType !== Node.COMMENT_NODE)
    .map((node) =>
      node instanceof HTMLSlotElement
        ? node
            .assignedNodes({ flatten: true })
            .map((n) => n.textContent)
            .join('')
        : node.textContent,
    )
    .join('');
  return text.replace(/\s+/g, ' ').trim();
}

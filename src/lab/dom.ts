/**
 * Building DOM from text: textContent only, so names and attributes coming
 * from files, folders or settings are shown as text and never run as HTML.
 */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

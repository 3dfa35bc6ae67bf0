// A Svelte attachment for a box that scrolls its content (wide tables on narrow screens): while its content
// overflows, the box is a named, focusable region, so keyboard users can scroll it (WCAG 2.1.1); otherwise it is
// a plain box and adds no tab stop.
import type { Attachment } from 'svelte/attachments';

/** `{@attach scrollRegion('Metrics per split')}` on the element with `overflow: auto`. */
export function scrollRegion(label: string): Attachment<HTMLElement> {
  return (node) => {
    const own = { role: node.getAttribute('role'), label: node.getAttribute('aria-label') };
    const restore = (name: string, value: string | null) => (value === null ? node.removeAttribute(name) : node.setAttribute(name, value));
    const update = () => {
      const scrolls = node.scrollWidth > node.clientWidth + 1 || node.scrollHeight > node.clientHeight + 1;
      if (scrolls) {
        node.tabIndex = 0;
        node.setAttribute('role', 'region');
        node.setAttribute('aria-label', own.label ?? label);
      } else {
        node.removeAttribute('tabindex');
        restore('role', own.role);
        restore('aria-label', own.label);
      }
    };
    // The box resizes with the window; its content (the table) resizes as rows come and go.
    const observer = new ResizeObserver(update);
    observer.observe(node);
    for (const child of node.children) observer.observe(child);
    update();
    return () => observer.disconnect();
  };
}

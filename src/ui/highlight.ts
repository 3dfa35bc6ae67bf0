// Python syntax highlighting with highlight.js core and the python grammar only (keeps the bundle small).
import hljs from 'highlight.js/lib/core';
import python from 'highlight.js/lib/languages/python';

hljs.registerLanguage('python', python);

/** HTML for `code` with token spans; highlight.js escapes the source text itself. */
export function highlightPython(code: string): string {
  return hljs.highlight(code, { language: 'python', ignoreIllegals: true }).value;
}

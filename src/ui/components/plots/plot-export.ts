// Turning a plot's live SVG into a standalone file: colours that come from the page (currentColor, CSS variables
// of the theme) are resolved to the values shown, a background is painted, and a PNG is drawn from that SVG on a
// canvas. No network: the image is an object URL of the SVG text.
const SVG_NS = 'http://www.w3.org/2000/svg';
const PAINTED = ['fill', 'stroke', 'color'] as const;

/** The SVG as a standalone document with the page's computed colours and `background` behind it. */
export function standaloneSvg(live: SVGSVGElement, background: string): string {
  const copy = live.cloneNode(true) as SVGSVGElement;
  const sources = [live, ...live.querySelectorAll('*')];
  const targets = [copy, ...copy.querySelectorAll('*')];
  sources.forEach((source, i) => {
    const target = targets[i] as SVGElement;
    const style = getComputedStyle(source);
    for (const name of PAINTED) {
      const own = source.getAttribute(name) ?? '';
      if (/var\(|currentcolor|inherit/i.test(own) || (source === live && name === 'color')) target.setAttribute(name, style.getPropertyValue(name));
    }
    // Text inherits fill from CSS rules the file will not have.
    if (source instanceof SVGTextElement || source instanceof SVGTSpanElement) target.setAttribute('fill', style.fill);
    if (source === live) target.setAttribute('font-family', style.fontFamily);
  });
  const { width, height } = sizeOf(live);
  copy.setAttribute('xmlns', SVG_NS);
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  copy.removeAttribute('style');
  const backdrop = document.createElementNS(SVG_NS, 'rect');
  for (const [name, value] of [['width', '100%'], ['height', '100%'], ['fill', background]]) backdrop.setAttribute(name, value);
  copy.prepend(backdrop);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}

/** A PNG of standalone SVG text at `scale` times its size. */
export async function pngOfSvg(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('this browser gives no 2D canvas to draw the PNG on');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the canvas gave no PNG'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The SVG's drawn size (its width/height attributes, else its viewBox). */
export function sizeOf(svg: SVGSVGElement): { width: number; height: number } {
  const box = svg.viewBox.baseVal;
  const width = Number(svg.getAttribute('width')) || box?.width || svg.clientWidth;
  const height = Number(svg.getAttribute('height')) || box?.height || svg.clientHeight;
  return { width, height };
}

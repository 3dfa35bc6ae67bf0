// What every plot shares: the theme's colours (CSS variables, so light and dark both read), the page's font, and
// series marks that differ in shape as well as colour.
import type { PlotOptions } from '@observablehq/plot';

export const ACCENT = 'var(--accent)';
export const MUTED = 'var(--muted)';
/** Series colours (Observable's tableau10 order: distinct on light and dark backgrounds) and matching shapes. */
export const SERIES_COLORS = ['#4e79a7', '#f28e2c', '#59a14f', '#e15759', '#b07aa1', '#9c755f'];
export const SERIES_SYMBOLS = ['circle', 'triangle', 'square', 'diamond', 'star', 'cross'] as const;
/** The glyph of each symbol, for legends written as text. */
export const SERIES_GLYPHS = ['●', '▲', '■', '◆', '★', '✚'];

/** Options every plot starts from: drawn at `width`, transparent, text in the page's colour and font. */
export function baseOptions(width: number): PlotOptions {
  return { width, style: { background: 'transparent', color: 'inherit', fontFamily: 'inherit', fontSize: '12px' } };
}

/** A label cut to `max` characters for an axis at phone width. */
export function shortLabel(label: string, max = 22): string {
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}

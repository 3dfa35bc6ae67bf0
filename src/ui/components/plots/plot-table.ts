// The table fallback of a plot: the same data as the plot, formatted, for screen readers and for copying.
export interface PlotTable {
  caption: string;
  columns: string[];
  /** Cells already formatted; the first cell of a row is its head. */
  rows: string[][];
}

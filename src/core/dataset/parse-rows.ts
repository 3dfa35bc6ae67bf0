// Parquet datasets go through the JSONL parser itself: each row becomes one JSON line (parquet-json.ts), so the
// records, validation and errors are those of the equivalent JSONL file, with "row N" in place of "line N".
import { DatasetParseError } from './errors';
import { parseDatasetStream, type StreamParseOptions } from './parse-dataset';
import type { Dataset } from './types';

/** A validated dataset and the JSONL text its rows convert to (what storage keeps and re-parses on load). */
export interface RowsDataset {
  dataset: Dataset;
  text: string;
}

/** Validates converted rows (one JSON line each, in file order), yielding like parseDatasetStream. */
export async function parseDatasetRows(lines: readonly string[], options: StreamParseOptions): Promise<RowsDataset> {
  let dataset: Dataset;
  try {
    dataset = await parseDatasetStream(terminated(lines), options);
  } catch (error) {
    throw error instanceof DatasetParseError ? error.asRow() : error;
  }
  return { dataset, text: lines.map((line) => `${line}\n`).join('') };
}

async function* terminated(lines: readonly string[]): AsyncGenerator<string> {
  for (const line of lines) yield `${line}\n`;
}

// Reads a Parquet file (e.g. a split exported by the Hugging Face dataset viewer) into one JSON line per row, one
// row group at a time (a row range inside a group would decode the whole group again). No validation here.
import { parquetMetadata, parquetReadObjects, parquetSchema, type FileMetaData } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { ParquetFileError } from './errors';
import { parquetRowJson, RawJsonText } from './parquet-json';
import { endsLikeParquet, startsLikeParquet } from './parquet-magic';
import { errorMessage } from '../error-message';

export interface ParquetRowsOptions {
  /** Rows converted so far, after each row group. */
  onRows?: (done: number, total: number) => void;
}

/** The JSON lines of every row, in file order. Throws ParquetFileError for bytes that are not a whole Parquet file. */
export async function parquetJsonLines(bytes: Uint8Array, options: ParquetRowsOptions = {}): Promise<string[]> {
  const buffer = wholeBuffer(bytes);
  const metadata = readFooter(buffer);
  const schema = parquetSchema(metadata);
  const total = Number(metadata.num_rows);
  const lines: string[] = [];
  let rowStart = 0;
  for (const group of metadata.row_groups) {
    const rowEnd = rowStart + Number(group.num_rows);
    let rows: Record<string, unknown>[];
    try {
      rows = await parquetReadObjects({ file: buffer, metadata, rowStart, rowEnd, compressors, parsers: { jsonFromBytes } });
    } catch (error) {
      throw new ParquetFileError(`cannot decode rows ${rowStart + 1}-${rowEnd} of the Parquet file: ${errorMessage(error)}`);
    }
    rows.forEach((row, i) => lines.push(parquetRowJson(row, schema, rowStart + i + 1)));
    rowStart = rowEnd;
    options.onRows?.(rowStart, total);
  }
  return lines;
}

/** The footer metadata, after checking the magic bytes at both ends (a cut-off download loses the last ones). */
function readFooter(buffer: ArrayBuffer): FileMetaData {
  const bytes = new Uint8Array(buffer);
  if (!startsLikeParquet(bytes)) throw new ParquetFileError('not a Parquet file: it does not start with the bytes "PAR1"');
  if (!endsLikeParquet(bytes)) {
    throw new ParquetFileError(`the Parquet file is incomplete: its ${bytes.length} bytes do not end with "PAR1" (was it cut off?)`);
  }
  try {
    return parquetMetadata(buffer);
  } catch (error) {
    throw new ParquetFileError(`the Parquet file's footer cannot be read: ${errorMessage(error)}`);
  }
}

// ES2023's lib has no TextDecoder; browsers, workers and Node all provide it.
declare const TextDecoder: new () => { decode(input: Uint8Array): string };
const decoder = new TextDecoder();

/** Keeps a JSON column's exact text (hyparquet's default JSON.parse would round integers beyond 2^53). */
function jsonFromBytes(bytes: Uint8Array | undefined): RawJsonText | undefined {
  return bytes && new RawJsonText(decoder.decode(bytes));
}

function wholeBuffer(bytes: Uint8Array): ArrayBuffer {
  const { buffer, byteOffset, byteLength } = bytes;
  if (buffer instanceof ArrayBuffer && byteOffset === 0 && byteLength === buffer.byteLength) return buffer;
  return bytes.slice().buffer as ArrayBuffer;
}

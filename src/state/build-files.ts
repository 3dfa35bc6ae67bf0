// Reads a picked file's text for the Build page, gunzipping *.gz with the browser's DecompressionStream.
import { errorMessage } from '../core/error-message';

/** The file is gzip-named but could not be decompressed. */
export class FileReadError extends Error {
  override readonly name = 'FileReadError';
}

/** The UTF-8 text of a picked file (decompressed when its name ends in .gz). */
export async function readPickedFile(file: File): Promise<string> {
  if (!file.name.toLowerCase().endsWith('.gz')) return file.text();
  try {
    const stream = file.stream().pipeThrough(new DecompressionStream('gzip')).pipeThrough(new TextDecoderStream());
    let text = '';
    const reader = stream.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return text;
      text += value;
    }
  } catch (error) {
    throw new FileReadError(`${file.name}: not valid gzip (${errorMessage(error)})`);
  }
}

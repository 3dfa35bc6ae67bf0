// Offers an exported run, evaluation or table file as a download.
import type { ExportedFile } from '../../../state/runs-store.svelte';
import { downloadText } from '../../download';

export function downloadFile(file: ExportedFile): void {
  downloadText(file.name, file.text, file.type);
}

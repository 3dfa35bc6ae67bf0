// The model picker's list: web-llm's prebuilt models narrowed to small coder and reasoning models, with VRAM needs.

import { f32Alternative, modelNeedsF16 } from './capability';
import { loadWebLlm } from './load';

/** The ModelRecord fields the catalogue reads. */
export interface ModelRecordLike {
  model_id: string;
  vram_required_MB?: number;
  low_resource_required?: boolean;
  required_features?: string[];
  model_type?: number;
}

export type ModelFamily = 'coder' | 'reasoning';

/** One pickable model. */
export interface CatalogueEntry {
  modelId: string;
  family: ModelFamily;
  /** Parameter count as named, e.g. "1.5B". */
  size: string;
  /** Quantisation, e.g. "q4f16_1". */
  quantization: string;
  vramMB: number | null;
  lowResource: boolean;
  needsF16: boolean;
  /** For f16 models: the q4f32 twin to use on GPUs without shader-f16. */
  f32Twin?: string;
}

/** Up to this much VRAM counts as "small". */
export const MAX_CATALOGUE_VRAM_MB = 6200;

const CODER = /coder/i;
const REASONING = /^(Qwen3-|Qwen3\.5-|DeepSeek-R1-Distill-)/;

/** Pure filter over `model_list`: LLMs only, 4-bit quantised, full context (no -1k), VRAM within the limit. */
export function selectCatalogue(list: readonly ModelRecordLike[]): CatalogueEntry[] {
  const ids = list.map((m) => m.model_id);
  const out: CatalogueEntry[] = [];
  for (const m of list) {
    const family: ModelFamily | null = CODER.test(m.model_id) ? 'coder' : REASONING.test(m.model_id) ? 'reasoning' : null;
    const quant = /-(q\d+f\d+(?:_\d+)?)-MLC$/.exec(m.model_id)?.[1];
    if (!family || !quant || !quant.startsWith('q4')) continue;
    if ((m.model_type ?? 0) !== 0) continue;
    if (m.vram_required_MB !== undefined && m.vram_required_MB > MAX_CATALOGUE_VRAM_MB) continue;
    const needsF16 = modelNeedsF16(m);
    const twin = needsF16 ? f32Alternative(m.model_id, ids) : undefined;
    out.push({
      modelId: m.model_id,
      family,
      size: /-(\d+(?:\.\d+)?B)-/.exec(m.model_id)?.[1] ?? '?',
      quantization: quant,
      vramMB: m.vram_required_MB === undefined ? null : Math.round(m.vram_required_MB),
      lowResource: m.low_resource_required ?? false,
      needsF16,
      ...(twin ? { f32Twin: twin } : {}),
    });
  }
  const order: Record<ModelFamily, number> = { coder: 0, reasoning: 1 };
  return out.sort((a, b) => order[a.family] - order[b.family] || (a.vramMB ?? 0) - (b.vramMB ?? 0) || a.modelId.localeCompare(b.modelId));
}

/** The catalogue of the installed web-llm version (loads web-llm). */
export async function loadCatalogue(): Promise<CatalogueEntry[]> {
  const { prebuiltAppConfig } = await loadWebLlm();
  return selectCatalogue(prebuiltAppConfig.model_list);
}

// One Parquet row (as hyparquet assembles it) back to the JSON line it stands for, led by the file's schema: DOUBLE
// columns print as Python floats ("1.0"), INT64 bigints keep every digit, JSON columns keep their exact text.
import type { SchemaTree } from 'hyparquet';
import { isListLike, isMapLike } from 'hyparquet/src/schema.js';
import { DatasetParseError } from './errors';
import { pyJsonFloat } from './py-json-float';

/** The text of a JSON-annotated column, kept as written (hyparquet would JSON.parse it and lose big integers). */
export class RawJsonText {
  constructor(readonly text: string) {}
}

/**
 * The JSON line of one row, written with Python json.dumps's separators so it reads like the official files.
 * A null struct member or column is left out: Parquet cannot tell a key absent from a line from a null one, and
 * absent keys are what Arrow turns into nulls. `rowNumber` (1-based) names the row in errors.
 */
export function parquetRowJson(row: Record<string, unknown>, root: SchemaTree, rowNumber: number): string {
  return structText(row, root, { row: rowNumber, path: '' });
}

interface Where {
  row: number;
  path: string;
}

function valueText(value: unknown, node: SchemaTree, where: Where, asItem = false): string {
  if (value === null || value === undefined) return 'null';
  const { element } = node;
  // A repeated field outside a LIST annotation (legacy 2-level lists) is assembled as an array of its items.
  if (!asItem && element.repetition_type === 'REPEATED') return listText(value, node, where);
  // Line breaks can only be whitespace between JSON tokens; dropping them keeps one row to one line.
  if (value instanceof RawJsonText) return value.text.replace(/[\r\n]/g, ' ');
  if (isListLike(node)) {
    const repeated = node.children[0]!;
    return listText(value, repeated.children.length === 1 ? repeated.children[0]! : repeated, where);
  }
  if (isMapLike(node)) return mapText(value, node.children[0]!.children[1]!, where);
  if (node.children.length > 0) return structText(value, node, where);
  return scalarText(value, node, where);
}

function listText(value: unknown, item: SchemaTree, where: Where): string {
  if (!Array.isArray(value)) throw unsupported(where, 'a list whose value is not an array');
  return `[${value.map((v, i) => valueText(v, item, { row: where.row, path: `${where.path}[${i}]` }, true)).join(', ')}]`;
}

function structText(value: unknown, node: SchemaTree, where: Where): string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw unsupported(where, 'a struct whose value is not an object');
  const record = value as Record<string, unknown>;
  const members: string[] = [];
  for (const child of node.children) {
    const key = child.element.name;
    const v = record[key];
    if (v === null || v === undefined) continue;
    members.push(`${JSON.stringify(key)}: ${valueText(v, child, { row: where.row, path: where.path === '' ? key : `${where.path}.${key}` })}`);
  }
  return `{${members.join(', ')}}`;
}

function mapText(value: unknown, valueNode: SchemaTree, where: Where): string {
  if (typeof value !== 'object' || value === null) throw unsupported(where, 'a map whose value is not an object');
  const members = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${valueText(v, valueNode, { row: where.row, path: `${where.path}.${k}` })}`);
  return `{${members.join(', ')}}`;
}

function scalarText(value: unknown, node: SchemaTree, where: Where): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return value.toString(); // exact: Python re-reads EvalPlus inputs from this text
    case 'number':
      return isFloatColumn(node) || !Number.isInteger(value) ? pyJsonFloat(value) : String(value);
    default:
      throw unsupported(where, value instanceof Date ? 'a date/time value' : value instanceof Uint8Array ? 'binary data' : `a ${typeof value} value`);
  }
}

/** Columns whose numbers are floats even when integral (so 1.0 stays a float for Python). */
function isFloatColumn({ element }: SchemaTree): boolean {
  if (element.type === 'FLOAT' || element.type === 'DOUBLE') return true;
  if (element.logical_type?.type === 'FLOAT16') return true;
  return element.converted_type === 'DECIMAL' && (element.scale ?? 0) > 0;
}

function unsupported(where: Where, what: string): DatasetParseError {
  const field = where.path === '' ? 'the row' : `column "${where.path}"`;
  return new DatasetParseError(where.row, where.path, `${field} holds ${what}, which has no place in the official JSON schema`, 'row');
}

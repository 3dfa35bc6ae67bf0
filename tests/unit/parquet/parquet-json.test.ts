// Row-to-JSON conversion led by hand-made schema trees: float vs int columns, legacy repeated fields, maps, nulls
// left out, and values the official schema cannot hold named by row and column.
import type { SchemaElement, SchemaTree } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { DatasetParseError } from '../../../src/core/dataset/errors';
import { parquetRowJson, RawJsonText } from '../../../src/core/dataset/parquet-json';

const leaf = (element: SchemaElement): SchemaTree => ({ element, children: [], count: 1, path: [element.name] });
const group = (element: SchemaElement, children: SchemaTree[]): SchemaTree => ({ element, children, count: 1, path: [element.name] });
const root = (...children: SchemaTree[]) => group({ name: 'root', num_children: children.length }, children);

describe('parquetRowJson', () => {
  it('prints DOUBLE as Python floats, INT64 bigints exactly, and leaves out null members', () => {
    const schema = root(
      leaf({ name: 'score', type: 'DOUBLE', repetition_type: 'OPTIONAL' }),
      leaf({ name: 'rank', type: 'INT32', repetition_type: 'OPTIONAL' }),
      leaf({ name: 'big', type: 'INT64', repetition_type: 'OPTIONAL' }),
      leaf({ name: 'gone', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' }),
      leaf({ name: 'inf', type: 'DOUBLE', repetition_type: 'OPTIONAL' }),
    );
    const row = { score: 1, rank: 2, big: 123456789012345678n, gone: null, inf: -Infinity };
    expect(parquetRowJson(row, schema, 1)).toBe('{"score": 1.0, "rank": 2, "big": 123456789012345678, "inf": -Infinity}');
  });

  it('reads legacy repeated fields and maps as lists and objects, and JSON columns verbatim on one line', () => {
    const schema = root(
      leaf({ name: 'xs', type: 'INT32', repetition_type: 'REPEATED' }),
      group({ name: 'm', converted_type: 'MAP', repetition_type: 'OPTIONAL', num_children: 1 }, [
        group({ name: 'key_value', repetition_type: 'REPEATED', num_children: 2 }, [
          leaf({ name: 'key', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' }),
          leaf({ name: 'value', type: 'FLOAT', repetition_type: 'OPTIONAL' }),
        ]),
      ]),
      leaf({ name: 'j', type: 'BYTE_ARRAY', converted_type: 'JSON', repetition_type: 'OPTIONAL' }),
    );
    const row = { xs: [1, 2], m: { a: 0.5, b: 2 }, j: new RawJsonText('[1,\n 2.0]') };
    expect(parquetRowJson(row, schema, 1)).toBe('{"xs": [1, 2], "m": {"a": 0.5, "b": 2.0}, "j": [1,  2.0]}');
  });

  it('names the row and the column of a value JSON cannot hold', () => {
    const schema = root(leaf({ name: 'when', type: 'INT64', converted_type: 'TIMESTAMP_MILLIS', repetition_type: 'OPTIONAL' }));
    const convert = () => parquetRowJson({ when: new Date(0) }, schema, 12);
    expect(convert).toThrow(DatasetParseError);
    expect(convert).toThrow('row 12: column "when" holds a date/time value, which has no place in the official JSON schema');
  });
});

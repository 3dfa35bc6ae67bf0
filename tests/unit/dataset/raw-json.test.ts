// raw-json: top-level members and array items keep their exact source text.
import { describe, expect, it } from 'vitest';
import { rawArrayItems, rawObjectEntries, rawObjectText, withRawEntry } from '../../../src/core/dataset/raw-json';

describe('rawObjectEntries', () => {
  it('splits members whose strings hold brackets, quotes, commas and escaped backslashes', () => {
    const text = ' { "a\\"k" : "}],{\\"\\\\" ,"b":[1, {"c": "]"}, 12345678901234567890123],"d":-1.5e-7 , "e":{}, "f":null}\n';
    expect(rawObjectEntries(text)).toEqual([
      { key: 'a"k', raw: '"}],{\\"\\\\"' },
      { key: 'b', raw: '[1, {"c": "]"}, 12345678901234567890123]' },
      { key: 'd', raw: '-1.5e-7' },
      { key: 'e', raw: '{}' },
      { key: 'f', raw: 'null' },
    ]);
    expect(rawObjectEntries('{}')).toEqual([]);
    expect(() => rawObjectEntries('[1]')).toThrow(TypeError);
  });

  it('rebuilds objects with Python separators and replaces or appends members', () => {
    const entries = rawObjectEntries('{"x":1,"y":[2]}');
    expect(rawObjectText(withRawEntry(entries, 'x', '3'))).toBe('{"x": 3, "y": [2]}');
    expect(rawObjectText(withRawEntry(entries, 'z', '"w"'))).toBe('{"x": 1, "y": [2], "z": "w"}');
  });
});

describe('rawArrayItems', () => {
  it('splits items of any type', () => {
    expect(rawArrayItems('[ {"a": [1,2]}, "x,]", 3 ,true ]')).toEqual(['{"a": [1,2]}', '"x,]"', '3', 'true']);
    expect(rawArrayItems('[]')).toEqual([]);
  });
});

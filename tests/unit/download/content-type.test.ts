// Content-Type checks: JSON-lines and generic types pass, HTML and other documents are refused with a reason.
import { describe, expect, it } from 'vitest';
import { contentTypeProblem, looksLikeMarkup, mediaType } from '../../../src/core/download/content-type';

describe('contentTypeProblem', () => {
  it('accepts what Hugging Face and mirrors send for .jsonl files, and a missing header', () => {
    for (const ok of [null, '', 'text/plain; charset=utf-8', 'application/octet-stream', 'application/jsonl', 'application/x-ndjson', 'application/json', 'APPLICATION/JSONL', 'application/vnd.foo+json', 'binary/octet-stream']) {
      expect(contentTypeProblem(ok), String(ok)).toBeNull();
    }
  });

  it('refuses web pages and other documents, saying what came', () => {
    expect(contentTypeProblem('text/html; charset=utf-8')).toMatch(/web page/);
    expect(contentTypeProblem('application/xhtml+xml')).toMatch(/web page/);
    expect(contentTypeProblem('image/png')).toBe('the server sent "image/png", not a JSONL dataset file');
    expect(contentTypeProblem('application/zip')).toMatch(/application\/zip/);
  });
});

describe('mediaType / looksLikeMarkup', () => {
  it('strips parameters and sniffs markup', () => {
    expect(mediaType(' Text/Plain ; charset=utf-8')).toBe('text/plain');
    expect(looksLikeMarkup('\n  <!doctype html>')).toBe(true);
    expect(looksLikeMarkup('{"task_id": 1}')).toBe(false);
  });
});

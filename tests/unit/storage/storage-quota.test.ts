// Usage/quota and persistent storage degrade to "unknown"/"unsupported" without navigator.storage; quota errors get a clear name.
import { describe, expect, it } from 'vitest';
import { requestPersistentStorage, storageUsage } from '../../../src/storage/storage-quota';
import { isQuotaError, StorageQuotaError } from '../../../src/storage/storage-errors';

describe('storageUsage', () => {
  it('reads estimate and persisted when available', async () => {
    const storage = { estimate: async () => ({ usage: 5_000, quota: 1_000_000 }), persisted: async () => true };
    expect(await storageUsage(storage)).toEqual({ usage: 5_000, quota: 1_000_000, persisted: true });
  });

  it('answers unknown without navigator.storage (Node, old browsers) or when the calls fail', async () => {
    expect(typeof navigator === 'undefined' || navigator.storage === undefined).toBe(true);
    expect(await storageUsage()).toEqual({ usage: null, quota: null, persisted: null });
    expect(await storageUsage({})).toEqual({ usage: null, quota: null, persisted: null });
    const failing = {
      estimate: () => Promise.reject(new Error('no')),
      persisted: () => {
        throw new Error('sync no');
      },
    };
    expect(await storageUsage(failing)).toEqual({ usage: null, quota: null, persisted: null });
  });
});

describe('requestPersistentStorage', () => {
  it('reports granted, denied or unsupported, never throwing', async () => {
    expect(await requestPersistentStorage({ persist: async () => true })).toBe('granted');
    expect(await requestPersistentStorage({ persist: async () => false })).toBe('denied');
    expect(await requestPersistentStorage({ persist: () => Promise.reject(new Error('x')) })).toBe('denied');
    expect(await requestPersistentStorage({})).toBe('unsupported');
    expect(await requestPersistentStorage()).toBe('unsupported');
  });
});

describe('quota errors', () => {
  it('recognises the standard and the legacy Firefox names only', () => {
    expect(isQuotaError(new DOMException('full', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe(true);
    expect(isQuotaError(new DOMException('x', 'ConstraintError'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
    expect(isQuotaError('QuotaExceededError')).toBe(false);
  });

  it('says what was not stored and what to do', () => {
    const error = new StorageQuotaError('the run "R"');
    expect(error.name).toBe('StorageQuotaError');
    expect(error.message).toMatch(/^Not enough browser storage to save the run "R"; nothing of it was stored\. Delete .* persistent storage/);
  });
});

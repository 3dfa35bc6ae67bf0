import { describe, expect, it } from 'vitest';
import { defaultSettings, MAX_WORKERS, settingsFromJson, WORKER_MEMORY_MB } from '../../../src/state/execution-settings';

describe('defaultSettings', () => {
  it('gives a worker per core when the device does not report its memory', () => {
    expect(defaultSettings(1).workers).toBe(1);
    expect(defaultSettings(2).workers).toBe(2);
    expect(defaultSettings(6).workers).toBe(6);
  });

  it('never goes past MAX_WORKERS nor below one', () => {
    expect(defaultSettings(64).workers).toBe(MAX_WORKERS);
    expect(defaultSettings(0).workers).toBe(1);
  });

  it('keeps to half the reported memory at WORKER_MEMORY_MB per worker', () => {
    // 1 GB: 512 MB for workers, 2 at 256 MB.
    expect(WORKER_MEMORY_MB).toBe(256);
    expect(defaultSettings(8, 1).workers).toBe(2);
    expect(defaultSettings(8, 0.5).workers).toBe(1);
    expect(defaultSettings(8, 0.25).workers).toBe(1);
    expect(defaultSettings(4, 8).workers).toBe(4);
  });

  it('keeps a stored choice over the default', () => {
    expect(settingsFromJson({ workers: 3 }, defaultSettings(8)).workers).toBe(3);
    expect(settingsFromJson({ workers: 99 }, defaultSettings(8)).workers).toBe(MAX_WORKERS);
  });
});

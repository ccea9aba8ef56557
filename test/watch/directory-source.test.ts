import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { debouncedChanges, FILE_DEBOUNCE_MS, isDesiredFile, isIgnored } from '../../src/watch/directory-source.js';

const ROOT = '/project';

describe('paths whose changes never trigger a pass', () => {
  it.each([
    '.licensectl/emulator.json', '.licensectl/emulator.json.lock', '.git/index', '.github/workflows/ci.yaml', 'node_modules/x/a.yaml',
    'configs/.windows.yaml.swp', 'windows.yaml~', '.#windows.yaml', '#windows.yaml#', '4913', 'configs/4913', 'windows.yaml.tmp', '/elsewhere/a.yaml',
  ])('ignores %s', (file) => {
    expect(isIgnored(ROOT, file.startsWith('/') ? file : `${ROOT}/${file}`)).toBe(true);
  });

  it.each(['licensectl.yaml', 'configs/windows.yaml', 'configs', 'a.yml', '/project'])('watches %s', (file) => {
    expect(isIgnored(ROOT, file.startsWith('/') ? file : `${ROOT}/${file}`)).toBe(false);
  });

  it('counts only YAML files as desired state', () => {
    expect(['a.yaml', 'b.yml', 'README.md', 'a.yaml.bak'].map(isDesiredFile)).toEqual([true, true, false, false]);
  });
});

describe('file changes, debounced', () => {
  beforeEach(() => { vi.useFakeTimers(); });
  afterEach(() => { vi.useRealTimers(); });

  function changes() {
    const onChange = vi.fn();
    return { onChange, ...debouncedChanges(onChange) };
  }

  it('turns a burst of saves into one request, 300 ms after the last', () => {
    const { onChange, event } = changes();
    for (let i = 0; i < 5; i += 1) {
      event('change', `${ROOT}/a.yaml`);
      vi.advanceTimersByTime(100);
    }
    event('add', `${ROOT}/b.yml`);
    vi.advanceTimersByTime(FILE_DEBOUNCE_MS - 1);
    expect(onChange).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onChange).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(10_000);
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('asks again for changes after the quiet time', () => {
    const { onChange, event } = changes();
    event('change', `${ROOT}/a.yaml`);
    vi.advanceTimersByTime(FILE_DEBOUNCE_MS);
    event('unlink', `${ROOT}/a.yaml`);
    vi.advanceTimersByTime(FILE_DEBOUNCE_MS);
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it('ignores files that cannot hold desired state, but not folders', () => {
    const { onChange, event } = changes();
    event('change', `${ROOT}/README.md`);
    event('add', `${ROOT}/a.yaml.bak`);
    vi.advanceTimersByTime(10_000);
    expect(onChange).not.toHaveBeenCalled();
    event('addDir', `${ROOT}/configs`);
    event('unlinkDir', `${ROOT}/old`);
    vi.advanceTimersByTime(FILE_DEBOUNCE_MS);
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('requests nothing once cancelled (the watcher stopping)', () => {
    const { onChange, event, cancel } = changes();
    event('change', `${ROOT}/a.yaml`);
    cancel();
    vi.advanceTimersByTime(10_000);
    expect(onChange).not.toHaveBeenCalled();
  });
});

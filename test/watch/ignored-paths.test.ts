import { describe, expect, it } from 'vitest';
import { isDesiredFile, isIgnored } from '../../src/watch/ignored-paths.js';

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

import { describe, expect, it } from 'vitest';
import { LicensectlError } from '../../src/errors/index.js';
import { defaultCacheDir, parseListen, urlOf, watchOptionsFrom, type WatchFlags } from '../../src/watch/watch-options.js';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as LicensectlError).code;
  }
  throw new Error('expected a LicensectlError');
};

describe('--listen', () => {
  it.each([
    ['127.0.0.1:9464', { host: '127.0.0.1', port: 9464 }],
    [':9464', { host: '0.0.0.0', port: 9464 }],
    ['localhost:0', { host: 'localhost', port: 0 }],
    ['[::1]:8080', { host: '::1', port: 8080 }],
  ])('%s', (text, address) => {
    expect(parseListen(text)).toEqual(address);
  });

  it.each(['9464', 'host:', 'host:99999', 'a:b:1', '::1:80', 'host:port'])('refuses %j with BAD_LISTEN', (text) => {
    expect(codeOf(() => parseListen(text))).toBe('BAD_LISTEN');
  });

  it('gives a URL a local client can use', () => {
    expect(urlOf({ host: '0.0.0.0', port: 9464 })).toBe('http://127.0.0.1:9464');
    expect(urlOf({ host: '::1', port: 80 })).toBe('http://[::1]:80');
  });
});

describe('watch options from flags', () => {
  const flags = (extra: Partial<WatchFlags> = {}): WatchFlags => ({
    branch: 'main', 'git-interval': '30s', interval: '60s', mode: 'correct', listen: '127.0.0.1:9464', 'prune-grace': '60s', concurrency: 8, ...extra,
  });

  it('watches the current directory by default, deleting a minute after a document goes, logging JSON when stdout is no terminal', () => {
    expect(watchOptionsFrom(flags(), {}, false)).toEqual({
      source: { type: 'directory', dir: '.' }, intervalMs: 60_000, mode: 'correct', listen: { host: '127.0.0.1', port: 9464 },
      pruneGraceMs: 60_000, logFormat: 'json',
      storeFlags: { store: undefined, region: undefined, profile: undefined, endpoint: undefined, state: undefined, concurrency: 8 },
      allow: { 'allow-overage': false, 'allow-in-use': false }, notify: [],
    });
  });

  it('takes --notify URLs (http or https only), the notify secret from the environment, and the finding flags', () => {
    const options = watchOptionsFrom(flags({ notify: ['https://hooks.example.com/x', 'http://127.0.0.1:8080/n'], 'allow-overage': true }), { LICENSECTL_NOTIFY_SECRET: 'n0t1fy' });
    expect(options).toMatchObject({
      notify: ['https://hooks.example.com/x', 'http://127.0.0.1:8080/n'], notifySecret: 'n0t1fy', allow: { 'allow-overage': true, 'allow-in-use': false },
    });
    expect(codeOf(() => watchOptionsFrom(flags({ notify: ['ftp://example.com/x'] }), {}))).toBe('USAGE');
    expect(codeOf(() => watchOptionsFrom(flags({ notify: ['not a url'] }), {}))).toBe('USAGE');
  });

  it('follows a branch of a repository, cloned into the cache folder, with the webhook secret from the environment', () => {
    const options = watchOptionsFrom(flags({ repo: '/srv/licenses.git', branch: 'prod', 'git-interval': '5s', 'max-deletes': 2 }), { LICENSECTL_WEBHOOK_SECRET: 's3cret', XDG_CACHE_HOME: '/var/cache' });
    expect(options.source).toEqual({ type: 'git', repo: '/srv/licenses.git', branch: 'prod', cacheDir: '/var/cache/licensectl', gitIntervalMs: 5_000 });
    expect(options.maxDeletes).toBe(2);
    expect(options.webhookSecret).toBe('s3cret');
  });

  it('logs text on a terminal unless --log-format says otherwise', () => {
    expect(watchOptionsFrom(flags(), {}, true).logFormat).toBe('text');
    expect(watchOptionsFrom(flags({ 'log-format': 'json' }), {}, true).logFormat).toBe('json');
    expect(watchOptionsFrom(flags({ 'log-format': 'text' }), {}, false).logFormat).toBe('text');
    expect(codeOf(() => watchOptionsFrom(flags({ 'log-format': 'yaml' }), {}, true))).toBe('USAGE');
  });

  it('reads --prune-grace with the one duration grammar: 0 deletes at once, a bad value is BAD_DURATION', () => {
    expect(watchOptionsFrom(flags({ 'prune-grace': '1m30s' }), {}).pruneGraceMs).toBe(90_000);
    expect(watchOptionsFrom(flags({ 'prune-grace': '0' }), {}).pruneGraceMs).toBe(0);
    expect(codeOf(() => watchOptionsFrom(flags({ 'prune-grace': '60' }), {}))).toBe('BAD_DURATION');
    expect(codeOf(() => watchOptionsFrom(flags({ 'prune-grace': '-1s' }), {}))).toBe('BAD_DURATION');
  });

  it('refuses --dir with --repo, an unknown mode and a bad interval', () => {
    expect(codeOf(() => watchOptionsFrom(flags({ dir: '.', repo: 'x' }), {}))).toBe('USAGE');
    expect(codeOf(() => watchOptionsFrom(flags({ mode: 'fix' }), {}))).toBe('USAGE');
    expect(codeOf(() => watchOptionsFrom(flags({ interval: '60' }), {}))).toBe('BAD_DURATION');
  });

  it('puts clones in the OS cache folder', () => {
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/c' }, 'linux', '/home/u')).toBe('/c/licensectl');
    expect(defaultCacheDir({}, 'linux', '/home/u')).toBe('/home/u/.cache/licensectl');
    expect(defaultCacheDir({}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Caches/licensectl');
  });
});

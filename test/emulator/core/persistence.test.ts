import {
  CreateLicenseConfigurationCommand, DeleteLicenseConfigurationCommand, GetLicenseConfigurationCommand,
  ListLicenseConfigurationsCommand, UpdateLicenseConfigurationCommand,
} from '@aws-sdk/client-license-manager';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileStateStore } from '../../../src/emulator/core/state-file.js';
import { Emulator } from '../../../src/emulator/index.js';
import { launchConsuming, lmClient } from '../../helpers/emulator.js';
import { tempDir } from './temp-dir.js';

const createWindows = new CreateLicenseConfigurationCommand({ Name: 'windows', LicenseCountingType: 'Core', LicenseCount: 10 });
const readFile = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as { revision: number; licenseManager: { licenseConfigurations: object } };
/** The state a new process would load: the state file with its journal. */
const loaded = (path: string) => new FileStateStore(path).read();

describe('a state file shared by two emulators', () => {
  it('shows each emulator the other’s changes', async () => {
    const statePath = join(tempDir(), 'emulator.json');
    const first = lmClient(new Emulator({ statePath }));
    const second = lmClient(new Emulator({ statePath }));
    const { LicenseConfigurationArn } = await first.send(createWindows);
    expect((await second.send(new ListLicenseConfigurationsCommand({}))).LicenseConfigurations?.map((c) => c.Name)).toEqual(['windows']);
    await second.send(new UpdateLicenseConfigurationCommand({ LicenseConfigurationArn, LicenseCount: 20 }));
    expect((await first.send(new GetLicenseConfigurationCommand({ LicenseConfigurationArn }))).LicenseCount).toBe(20);
    await first.send(new DeleteLicenseConfigurationCommand({ LicenseConfigurationArn }));
    expect((await second.send(new ListLicenseConfigurationsCommand({}))).LicenseConfigurations).toEqual([]);
  });

  it('journals each mutation, bumping the revision, compacts into one JSON document, and leaves no temporary files', async () => {
    const dir = tempDir();
    const statePath = join(dir, 'nested', 'emulator.json');
    const lm = lmClient(new Emulator({ statePath }));
    await lm.send(createWindows);
    await lm.send(createWindows);
    expect(loaded(statePath).revision).toBe(2);
    expect(Object.keys(loaded(statePath).licenseManager.licenseConfigurations)).toHaveLength(2);
    expect(readdirSync(join(dir, 'nested')).sort()).toEqual(['emulator.json', 'emulator.json.journal']);
    await new FileStateStore(statePath).compact();
    expect(readFile(statePath).revision).toBe(2);
    expect(Object.keys(readFile(statePath).licenseManager.licenseConfigurations)).toHaveLength(2);
    expect(readdirSync(join(dir, 'nested'))).toEqual(['emulator.json']);
  });

  it('does not create the file for reads', async () => {
    const statePath = join(tempDir(), 'emulator.json');
    expect((await lmClient(new Emulator({ statePath })).send(new ListLicenseConfigurationsCommand({}))).LicenseConfigurations).toEqual([]);
    expect(existsSync(statePath)).toBe(false);
  });

  it('leaves the file untouched when a handler fails', async () => {
    const statePath = join(tempDir(), 'emulator.json');
    const emulator = new Emulator({ statePath });
    const { LicenseConfigurationArn } = await lmClient(emulator).send(createWindows);
    await launchConsuming(emulator, LicenseConfigurationArn!, { tenancy: 'host', cores: 3 });
    const before = [readFileSync(statePath, 'utf8'), readFileSync(`${statePath}.journal`, 'utf8')];
    const error = await lmClient(emulator).send(new DeleteLicenseConfigurationCommand({ LicenseConfigurationArn })).catch((e: Error) => e);
    expect(error).toMatchObject({ name: 'InvalidParameterValueException' });
    expect([readFileSync(statePath, 'utf8'), readFileSync(`${statePath}.journal`, 'utf8')]).toEqual(before);
    expect(emulator.snapshot()).toEqual(loaded(statePath));
  });

  it('keeps the fleet and its consumption for the next process', async () => {
    const statePath = join(tempDir(), 'emulator.json');
    const first = new Emulator({ statePath });
    const { LicenseConfigurationArn } = await lmClient(first).send(createWindows);
    const [id] = await launchConsuming(first, LicenseConfigurationArn!, { tenancy: 'host', vcpus: 8, cores: 4 });
    const next = new Emulator({ statePath });
    const out = await lmClient(next).send(new GetLicenseConfigurationCommand({ LicenseConfigurationArn }));
    expect(out.ConsumedLicenses).toBe(4);
    expect(out.ConsumedLicenseSummaryList).toEqual([
      { ResourceType: 'EC2_INSTANCE', ConsumedLicenses: 4 },
      { ResourceType: 'EC2_HOST', ConsumedLicenses: 0 },
      { ResourceType: 'SYSTEMS_MANAGER_MANAGED_INSTANCE', ConsumedLicenses: 0 },
    ]);
    expect(next.fleet().instances.map((i) => [i.InstanceId, i.State, i.CoreCount])).toEqual([[id, 'running', 4]]);
  });

  it('reads a state file written before the fleet existed, with an empty fleet', async () => {
    const statePath = join(tempDir(), 'emulator.json');
    writeFileSync(statePath, JSON.stringify({ formatVersion: 1, revision: 3, licenseManager: {}, ram: {}, clientTokens: {} }));
    expect(new Emulator({ statePath }).fleet()).toEqual({ instances: [], images: [], hosts: [], managed: [] });
  });

  it('gives two seeded emulators on one file distinct ids, and replays ids in memory', async () => {
    const statePath = join(tempDir(), 'emulator.json');
    const a = await lmClient(new Emulator({ statePath, seed: 7 })).send(createWindows);
    const b = await lmClient(new Emulator({ statePath, seed: 7 })).send(createWindows);
    expect(a.LicenseConfigurationArn).not.toBe(b.LicenseConfigurationArn);
    const replay = await lmClient(new Emulator({ seed: 7 })).send(createWindows);
    expect(replay.LicenseConfigurationArn).toBe(a.LicenseConfigurationArn);
    expect(replay.LicenseConfigurationArn).toMatch(/^arn:aws:license-manager:us-east-1:000000000000:license-configuration:lic-[0-9a-f]{32}$/);
  });

  it('fills sections an older file lacks', async () => {
    const statePath = join(tempDir(), 'emulator.json');
    writeFileSync(statePath, JSON.stringify({ formatVersion: 1, revision: 3, licenseManager: { licenseConfigurations: {} }, clientTokens: {} }));
    await lmClient(new Emulator({ statePath })).send(createWindows);
    expect(loaded(statePath)).toMatchObject({ revision: 4, ram: { resourceShares: {}, associations: {} } });
    await new FileStateStore(statePath).compact();
    expect(readFile(statePath)).toMatchObject({ revision: 4, ram: { resourceShares: {}, associations: {} } });
  });

  it('returns a snapshot the caller cannot use to change the emulator', async () => {
    const emulator = new Emulator();
    await lmClient(emulator).send(createWindows);
    emulator.snapshot().licenseManager.licenseConfigurations = {};
    expect(Object.keys(emulator.snapshot().licenseManager.licenseConfigurations)).toHaveLength(1);
  });
});

describe('a damaged state file', () => {
  async function failureFor(content: string): Promise<{ code: string; message: string; hint?: string; statePath: string }> {
    const statePath = join(tempDir(), 'emulator.json');
    writeFileSync(statePath, content);
    const error = await lmClient(new Emulator({ statePath })).send(new ListLicenseConfigurationsCommand({})).catch((e: unknown) => e);
    const { code, message, hint } = error as { code: string; message: string; hint?: string };
    return { code, message, hint, statePath };
  }

  it('is reported as EMULATOR_STATE_CORRUPT naming the file, with a hint', async () => {
    const { code, message, hint, statePath } = await failureFor('{"formatVersion":');
    expect(code).toBe('EMULATOR_STATE_CORRUPT');
    expect(message).toBe(`emulator state file ${statePath} is not valid JSON (Unexpected end of JSON input)`);
    expect(hint).toBe(`delete ${statePath} to start from an empty emulator (its resources are lost), or restore it from a backup`);
  });

  it.each([
    ['another JSON document', '{"name": "package"}', 'is not a licensectl emulator state (expected formatVersion 1 and a revision)'],
    ['a newer format', '{"formatVersion": 2, "revision": 1}', 'is not a licensectl emulator state (expected formatVersion 1 and a revision)'],
    ['a malformed section', '{"formatVersion": 1, "revision": 1, "ram": []}', 'has a malformed "ram" section'],
  ])('is reported when it holds %s', async (_what, content, problem) => {
    const { code, message, statePath } = await failureFor(content);
    expect([code, message]).toEqual(['EMULATOR_STATE_CORRUPT', `emulator state file ${statePath} ${problem}`]);
  });
});

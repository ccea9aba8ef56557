// Declaring the organization: the rules a declaration must follow (all problems at once, by field), applying
// the same declaration twice changes nothing, and the admin path on a served emulator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDeclaration, InvalidDeclaration, startServer, type RunningServer } from '../../../src/emulator/index.js';
import { testEmulator } from '../../helpers/emulator.js';

const VALID = { managementAccount: '111122223333', units: [{ name: 'prod', accounts: ['222233334444'] }], accounts: ['444455556666'] };

describe('an organization declaration', () => {
  it('is refused with every problem, each naming its field', () => {
    const { declaration, problems } = checkDeclaration({
      managementAccount: 111122223333,
      sharingWithOrganization: 'yes',
      licenseManagerAdministrator: '999999999999',
      units: [{ name: 'prod', accounts: ['222233334444'], color: 'blue' }, { name: 'prod', accounts: ['222233334444', '12'] }],
      accounts: ['444455556666'],
      extra: 1,
    });
    expect(declaration).toBeUndefined();
    expect(problems.map((p) => p.message)).toEqual([
      'extra: unknown field extra (known: managementAccount, sharingWithOrganization, licenseManagerAdministrator, units, accounts)',
      'managementAccount: must be a 12-digit account id (quoted in YAML), got 111122223333',
      'sharingWithOrganization: must be true or false, got "yes"',
      'units[0].color: unknown field color (known: name, accounts, units)',
      'units[1].name: another OU under the same parent is already named prod: OU names are unique within their parent',
      'units[1].accounts[0]: account 222233334444 is already in the organization at units[0].accounts[0]: an account sits in one place (the root or one OU)',
      'units[1].accounts[1]: must be a 12-digit account id (quoted in YAML), got "12"',
      'licenseManagerAdministrator: account 999999999999 is not a member of the organization: a delegated administrator is a member account',
    ]);
    expect(problems[0]).toMatchObject({ path: ['extra'], atKey: true });
    expect(problems[6]!.path).toEqual(['units', '1', 'accounts', '1']);
  });

  it('refuses the management account listed again, and OUs nested deeper than AWS allows', () => {
    const deep = (n: number): Record<string, unknown> => ({ name: `level-${n}`, ...(n < 6 ? { units: [deep(n + 1)] } : {}) });
    const { problems } = checkDeclaration({ managementAccount: '111122223333', accounts: ['111122223333'], units: [deep(1)] });
    expect(problems.map((p) => p.message)).toEqual([
      'accounts[0]: account 111122223333 is already in the organization at managementAccount: an account sits in one place (the root or one OU)',
      'units[0].units[0].units[0].units[0].units[0].units: OUs nest at most 5 levels below the root',
    ]);
  });

  it('applied twice is one change; the emulator refuses an invalid one with its problems and keeps the organization', async () => {
    const emulator = testEmulator();
    expect(emulator.organization()).toBeUndefined();
    const first = await emulator.applyOrganization(VALID);
    expect(first.changed).toBe(true);
    const revision = emulator.snapshot().revision;
    const again = await emulator.applyOrganization(VALID);
    expect(again).toEqual({ changed: false, organization: first.organization });
    expect(emulator.snapshot().revision).toBe(revision);
    const refusal = await emulator.applyOrganization({ managementAccount: 'x' }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(InvalidDeclaration);
    expect((refusal as InvalidDeclaration).problems).toHaveLength(1);
    expect(emulator.organization()).toEqual(first.organization);
  });
});

describe('the organization admin path on emulator serve', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer(testEmulator(), { port: 0 });
  });
  afterAll(() => server.close());

  it('GET shows no organization, PUT declares one (then changes nothing), 400 lists the problems, other paths 404', async () => {
    const url = `${server.url}/_licensectl/org`;
    expect(await (await fetch(url)).json()).toEqual({ organization: null });
    const put = await fetch(url, { method: 'PUT', body: JSON.stringify(VALID) });
    const applied = (await put.json()) as { changed: boolean; organization: { id: string } };
    expect(put.status).toBe(200);
    expect(applied.changed).toBe(true);
    const again = (await (await fetch(url, { method: 'POST', body: JSON.stringify(VALID) })).json()) as { changed: boolean };
    expect(again.changed).toBe(false);
    expect(((await (await fetch(url)).json()) as { organization: { id: string } }).organization.id).toBe(applied.organization.id);
    const bad = await fetch(url, { method: 'PUT', body: JSON.stringify({ managementAccount: '111122223333', accounts: 'x' }) });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({
      error: { type: 'InvalidParameterValue', message: 'accounts: must be a list of 12-digit account ids, got "x"', problems: [{ field: 'accounts', path: ['accounts'], message: 'accounts: must be a list of 12-digit account ids, got "x"' }] },
    });
    expect((await fetch(url, { method: 'PUT', body: '{' })).status).toBe(400);
    expect((await fetch(`${url}/units`)).status).toBe(404);
    expect((await fetch(url, { method: 'DELETE' })).status).toBe(404);
  });
});

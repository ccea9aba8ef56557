// The RAM service through the real SDK client and the in-process transport: serialisation (restJson1,
// DELETE query members, epoch-second timestamps), error parsing, the SDK paginator over empty pages and
// the account taken from the access key. `checkResponses` makes a non-conforming response a 500.
import { CreateLicenseConfigurationCommand, LicenseManagerClient } from '@aws-sdk/client-license-manager';
import {
  AssociateResourceShareCommand,
  CreateResourceShareCommand,
  DeleteResourceShareCommand,
  DisassociateResourceShareCommand,
  GetResourceShareAssociationsCommand,
  GetResourceSharesCommand,
  ListPrincipalsCommand,
  ListResourcesCommand,
  ListResourceSharePermissionsCommand,
  paginateGetResourceShares,
  RAMClient,
  type GetResourceSharesCommandOutput,
} from '@aws-sdk/client-ram';
import { beforeEach, describe, expect, it } from 'vitest';
import { createInProcessHandler, Emulator } from '../../../src/emulator/index.js';

const OWNER = '000000000000';
const PEER = '222233334444';
const STRANGER = '333344445555';

function clientsFor(emulator: Emulator, accessKeyId: string): { ram: RAMClient; lm: LicenseManagerClient } {
  const config = {
    requestHandler: createInProcessHandler(emulator),
    endpoint: 'http://emulator.invalid',
    region: 'us-east-1',
    credentials: { accessKeyId, secretAccessKey: 'x' },
    maxAttempts: 1,
  };
  return { ram: new RAMClient(config), lm: new LicenseManagerClient(config) };
}

async function createLicenseConfiguration(lm: LicenseManagerClient, name: string): Promise<string> {
  const out = await lm.send(new CreateLicenseConfigurationCommand({ Name: name, LicenseCountingType: 'vCPU' }));
  return out.LicenseConfigurationArn!;
}

async function failureOf(call: Promise<unknown>): Promise<Error> {
  try {
    await call;
  } catch (error) {
    return error as Error;
  }
  throw new Error('the call was expected to fail');
}

describe('RAM through @aws-sdk/client-ram', () => {
  let emulator: Emulator;
  let owner: { ram: RAMClient; lm: LicenseManagerClient };
  let peer: RAMClient;
  beforeEach(() => {
    emulator = new Emulator({ checkResponses: true, seed: 7 });
    owner = clientsFor(emulator, 'AKID000000000000');
    peer = clientsFor(emulator, 'AKID222233334444').ram;
  });

  it('create → associate → list associations → paginate → disassociate → delete', async () => {
    const lc = await createLicenseConfiguration(owner.lm, 'windows-server');
    const created = await owner.ram.send(new CreateResourceShareCommand({
      name: 'windows-to-dev', resourceArns: [lc], principals: [PEER], tags: [{ key: 'team', value: 'platform' }],
    }));
    const share = created.resourceShare!;
    const arn = share.resourceShareArn!;
    expect(arn).toMatch(new RegExp(`^arn:aws:ram:us-east-1:${OWNER}:resource-share/[0-9a-f-]{36}$`));
    expect(share).toMatchObject({ name: 'windows-to-dev', owningAccountId: OWNER, allowExternalPrincipals: true, status: 'ACTIVE' });
    expect(share.creationTime).toBeInstanceOf(Date);

    const associated = await owner.ram.send(new AssociateResourceShareCommand({ resourceShareArn: arn, principals: [STRANGER] }));
    expect(associated.resourceShareAssociations?.map((a) => [a.associatedEntity, a.status])).toEqual([[STRANGER, 'ASSOCIATED']]);
    const principals = await owner.ram.send(new GetResourceShareAssociationsCommand({ associationType: 'PRINCIPAL', resourceShareArns: [arn] }));
    expect(principals.resourceShareAssociations?.map((a) => a.associatedEntity).sort()).toEqual([PEER, STRANGER]);

    for (const name of ['b', 'c', 'd', 'e']) await owner.ram.send(new CreateResourceShareCommand({ name }));
    const pages: GetResourceSharesCommandOutput[] = [];
    for await (const page of paginateGetResourceShares({ client: owner.ram, pageSize: 2 }, { resourceOwner: 'SELF' })) pages.push(page);
    expect(pages.map((page) => [page.resourceShares?.length, page.nextToken !== undefined])).toEqual([[2, true], [0, true], [2, true], [1, false]]);

    await owner.ram.send(new DisassociateResourceShareCommand({ resourceShareArn: arn, principals: [STRANGER] }));
    const disassociated = await owner.ram.send(new GetResourceShareAssociationsCommand({ associationType: 'PRINCIPAL', principal: STRANGER }));
    expect(disassociated.resourceShareAssociations?.map((a) => a.status)).toEqual(['DISASSOCIATED']);

    const deleted = await owner.ram.send(new DeleteResourceShareCommand({ resourceShareArn: arn, clientToken: 'delete-1' }));
    expect(deleted).toMatchObject({ returnValue: true, clientToken: 'delete-1' });
    const again = await owner.ram.send(new DeleteResourceShareCommand({ resourceShareArn: arn, clientToken: 'delete-1' }));
    expect(again.returnValue).toBe(true);
    const listed = await owner.ram.send(new GetResourceSharesCommand({ resourceOwner: 'SELF', resourceShareArns: [arn] }));
    expect(listed.resourceShares?.map((s) => s.status)).toEqual(['DELETED']);
  });

  it('shows the share to the principal account as OTHER-ACCOUNTS', async () => {
    const lc = await createLicenseConfiguration(owner.lm, 'windows-server');
    const created = await owner.ram.send(new CreateResourceShareCommand({ name: 'windows', resourceArns: [lc], principals: [PEER] }));
    const arn = created.resourceShare!.resourceShareArn!;
    const resources = await peer.send(new ListResourcesCommand({ resourceOwner: 'OTHER-ACCOUNTS' }));
    expect(resources.resources?.map((r) => [r.arn, r.type, r.resourceShareArn, r.status])).toEqual([
      [lc, 'license-manager:LicenseConfiguration', arn, 'AVAILABLE'],
    ]);
    const sharing = await peer.send(new ListPrincipalsCommand({ resourceOwner: 'OTHER-ACCOUNTS' }));
    expect(sharing.principals?.map((p) => [p.id, p.resourceShareArn])).toEqual([[OWNER, arn]]);
    const shares = await peer.send(new GetResourceSharesCommand({ resourceOwner: 'OTHER-ACCOUNTS' }));
    expect(shares.resourceShares?.map((s) => s.owningAccountId)).toEqual([OWNER]);
    const permissions = await peer.send(new ListResourceSharePermissionsCommand({ resourceShareArn: arn }));
    expect(permissions.permissions?.map((p) => p.arn)).toEqual(['arn:aws:ram::aws:permission/AWSRAMDefaultPermissionLicenseConfiguration']);
    expect((await peer.send(new GetResourceSharesCommand({ resourceOwner: 'SELF' }))).resourceShares).toEqual([]);
  });

  it('surfaces RAM errors as the SDK’s modelled exceptions with status 400', async () => {
    const failures = await Promise.all([
      failureOf(owner.ram.send(new GetResourceSharesCommand({} as never))),
      failureOf(owner.ram.send(new DeleteResourceShareCommand({ resourceShareArn: 'not-an-arn' }))),
      failureOf(owner.ram.send(new CreateResourceShareCommand({ name: 's', principals: [OWNER] }))),
    ]);
    expect(failures.map((error) => [error.name, (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode])).toEqual([
      ['MissingRequiredParameterException', 400],
      ['MalformedArnException', 400],
      ['InvalidParameterException', 400],
    ]);
  });

  it('makes transitions observable with shareDelayMs', async () => {
    let now = new Date('2026-03-01T12:00:00.000Z');
    const delayed = new Emulator({ checkResponses: true, shareDelayMs: 2_000, now: () => now });
    const { ram, lm } = clientsFor(delayed, 'AKID000000000000');
    const lc = await createLicenseConfiguration(lm, 'windows-server');
    const created = await ram.send(new CreateResourceShareCommand({ name: 's', resourceArns: [lc] }));
    expect(created.resourceShare?.status).toBe('PENDING');
    const statuses = async (): Promise<unknown[]> => [
      (await ram.send(new GetResourceSharesCommand({ resourceOwner: 'SELF' }))).resourceShares?.[0]?.status,
      (await ram.send(new GetResourceShareAssociationsCommand({ associationType: 'RESOURCE' }))).resourceShareAssociations?.[0]?.status,
    ];
    expect(await statuses()).toEqual(['PENDING', 'ASSOCIATING']);
    now = new Date(now.getTime() + 2_000);
    expect(await statuses()).toEqual(['ACTIVE', 'ASSOCIATED']);
    await ram.send(new DeleteResourceShareCommand({ resourceShareArn: created.resourceShare!.resourceShareArn! }));
    expect(await statuses()).toEqual(['DELETING', 'DISASSOCIATING']);
    now = new Date(now.getTime() + 2_000);
    expect(await statuses()).toEqual(['DELETED', 'DISASSOCIATED']);
  });
});

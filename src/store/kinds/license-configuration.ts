// License configurations: read all with a NextToken loop plus one tag read each (the list omits tags), change
// them one at a time, and map AWS's LicenseConfiguration shape to our canonical spec and back.
import {
  CreateLicenseConfigurationCommand, DeleteLicenseConfigurationCommand, ListLicenseConfigurationsCommand,
  UpdateLicenseConfigurationCommand,
  type LicenseConfiguration, type ProductInformation as AwsProductInformation,
} from '@aws-sdk/client-license-manager';
import {
  decodeRules, encodeRules, ownershipOf, ownershipTags,
  type ConfigurationStatus, type CountingType, type LicenseConfigurationSpec, type ProductInformation, type Tags,
} from '../../model/index.js';
import { isoSeconds } from '../../util/canonical.js';
import { collectPages, outcomeUnknown } from '../clients.js';
import { releaseClaimedPairs } from './association.js';
import { configurationUsage } from '../usage.js';
import {
  afterOf, arnOfChange, classify, toLmTags, unlessGone, updateTags, withLmTags,
  type ItemView, type KindAdapter, type KindRead, type StoreChange, type StoreContext,
} from '../kind-adapter.js';

const KIND = 'LicenseConfiguration';

async function listAll(ctx: StoreContext): Promise<LicenseConfiguration[]> {
  return collectPages('ListLicenseConfigurations', async (NextToken) => {
    const out = await ctx.clients.lm.send(new ListLicenseConfigurationsCommand({ MaxResults: 100, NextToken }));
    return { items: out.LicenseConfigurations, nextToken: out.NextToken };
  });
}

const VIEW: ItemView<LicenseConfiguration> = {
  kind: KIND,
  arnOf: (item) => item.LicenseConfigurationArn ?? '',
  displayNameOf: (item) => item.Name ?? '',
  toLive: (item, name, tags) => ({ kind: KIND, name, arn: item.LicenseConfigurationArn ?? '', tags, spec: specFromAws(item), meta: { status: item.Status } }),
};

/** The configurations, and the tags of those this project manages (the Associations' claims are among them). */
export async function readLicenseConfigurations(ctx: StoreContext): Promise<KindRead & { readonly managedTags: ReadonlyMap<string, Tags> }> {
  const listed = await listAll(ctx);
  for (const item of listed) ctx.listed.configurations.set(VIEW.arnOf(item), configurationUsage(item, specFromAws(item)));
  const tagged = await withLmTags(ctx, VIEW, listed);
  const managedTags = new Map(tagged.filter(({ tags }) => ownershipOf(tags, ctx.project).kind === 'managed').map(({ item, tags }) => [VIEW.arnOf(item), tags]));
  return { ...classify(ctx, VIEW, tagged), managedTags };
}

/** Finds a configuration this project created under `name`, after a create whose outcome is unknown. */
async function findOwned(ctx: StoreContext, name: string, displayName: string): Promise<string | undefined> {
  const candidates = (await listAll(ctx)).filter((c) => c.Name === displayName);
  const tagged = await withLmTags(ctx, VIEW, candidates);
  const mine = tagged.find(({ tags }) => { const o = ownershipOf(tags, ctx.project); return o.kind === 'managed' && o.name === name; });
  return mine?.item.LicenseConfigurationArn;
}

// CreateLicenseConfiguration takes no client token: after an unknown outcome, the pending-create note's window is
// waited out and the configuration looked for by its ownership tags before the create is tried again.
async function create(ctx: StoreContext, change: StoreChange): Promise<string> {
  const { spec } = afterOf(change, KIND);
  return ctx.pending.run(`${ctx.target.account}/${ctx.target.region}/${ctx.project}/${change.address}`, () => findOwned(ctx, change.name, spec.displayName), (sending) => createOnce(ctx, change, sending), (error) => !outcomeUnknown(error));
}

async function createOnce(ctx: StoreContext, change: StoreChange, sending: () => void): Promise<string> {
  const { tags, spec } = afterOf(change, KIND);
  const input = {
    ...mutableMembers(spec),
    LicenseCountingType: spec.countingType,
    LicenseRules: rulesToAws(spec),
    Tags: toLmTags({ ...tags, ...ownershipTags(ctx.project, change.name, change.tagKeys) }),
  };
  const command = new CreateLicenseConfigurationCommand(input);
  // Inside the retry loop, after the request budget's queue: runs as each attempt leaves.
  command.middlewareStack.add((next) => (args) => { sending(); return next(args); }, { step: 'finalizeRequest', priority: 'low', name: 'licensectlPendingCreateSent' });
  const out = await ctx.clients.lmNoReplay.send(command);
  const arn = out.LicenseConfigurationArn ?? '';
  if (spec.status !== 'AVAILABLE') await ctx.clients.lm.send(new UpdateLicenseConfigurationCommand({ LicenseConfigurationArn: arn, LicenseConfigurationStatus: spec.status }));
  return arn;
}

async function update(ctx: StoreContext, change: StoreChange): Promise<void> {
  const arn = arnOfChange(change);
  const after = afterOf(change, KIND);
  const specChanged = change.diff.some((d) => !d.path.startsWith('tags.'));
  if (specChanged) {
    const rulesChanged = change.diff.some((d) => d.path.startsWith('rules'));
    await ctx.clients.lm.send(new UpdateLicenseConfigurationCommand({
      LicenseConfigurationArn: arn,
      ...mutableMembers(after.spec),
      LicenseConfigurationStatus: after.spec.status,
      ...(rulesChanged ? { LicenseRules: rulesToAws(after.spec) } : {}),
    }));
  }
  await updateTags(ctx, change, 'lm');
}

async function remove(ctx: StoreContext, change: StoreChange): Promise<void> {
  const arn = arnOfChange(change);
  await releaseClaimedPairs(ctx, arn);
  // Already gone (a retried delete, or someone else deleted it): the desired outcome holds.
  await unlessGone(() => ctx.clients.lm.send(new DeleteLicenseConfigurationCommand({ LicenseConfigurationArn: arn })));
}

export const licenseConfigurationAdapter: KindAdapter = { kind: KIND, create, update, delete: remove };

export function specFromAws(item: LicenseConfiguration): LicenseConfigurationSpec {
  return {
    displayName: item.Name ?? '',
    description: item.Description ?? '',
    countingType: item.LicenseCountingType as CountingType,
    licenseCount: item.LicenseCount ?? null,
    hardLimit: item.LicenseCountHardLimit ?? false,
    rules: decodeRules(item.LicenseRules ?? []).rules,
    productInformation: (item.ProductInformationList ?? []).map(productFromAws),
    disassociateWhenNotFound: item.DisassociateWhenNotFound ?? false,
    expiry: item.LicenseExpiry === undefined ? null : epochToIso(item.LicenseExpiry),
    status: (item.Status ?? 'AVAILABLE') as ConfigurationStatus,
  };
}

function productFromAws(p: AwsProductInformation): ProductInformation {
  return {
    resourceType: p.ResourceType ?? '',
    filters: (p.ProductInformationFilterList ?? []).map((f) => ({
      name: f.ProductInformationFilterName ?? '',
      comparator: f.ProductInformationFilterComparator ?? '',
      values: f.ProductInformationFilterValue ?? [],
    })),
  };
}

function productToAws(list: readonly ProductInformation[]): AwsProductInformation[] {
  return list.map((p) => ({
    ResourceType: p.resourceType,
    ProductInformationFilterList: p.filters.map((f) => ({
      ProductInformationFilterName: f.name,
      ProductInformationFilterComparator: f.comparator,
      ...(f.values.length ? { ProductInformationFilterValue: [...f.values] } : {}),
    })),
  }));
}

/** The members Create and Update share. */
function mutableMembers(spec: LicenseConfigurationSpec) {
  return {
    Name: spec.displayName,
    Description: spec.description,
    ...(spec.licenseCount === null ? {} : { LicenseCount: spec.licenseCount }),
    LicenseCountHardLimit: spec.hardLimit,
    ProductInformationList: productToAws(spec.productInformation),
    DisassociateWhenNotFound: spec.disassociateWhenNotFound,
    ...(spec.expiry === null ? {} : { LicenseExpiry: isoToEpoch(spec.expiry) }),
  };
}

function rulesToAws(spec: LicenseConfigurationSpec): string[] {
  return encodeRules(spec.rules);
}

function epochToIso(seconds: number): string {
  return isoSeconds(seconds * 1000);
}

function isoToEpoch(iso: string): number {
  return Math.floor(Date.parse(iso) / 1000);
}


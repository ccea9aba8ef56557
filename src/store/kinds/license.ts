// Seller-issued licenses: ListLicenses plus one tag read each; changes are new license versions. Also the mapping
// between AWS's License shape and our canonical spec.
import {
  CreateLicenseCommand, CreateLicenseVersionCommand, DeleteLicenseCommand, GetLicenseCommand, ListLicensesCommand,
  type ConsumptionConfiguration as AwsConsumption, type Entitlement as AwsEntitlement, type License,
} from '@aws-sdk/client-license-manager';
import { type ConsumptionConfiguration, type Entitlement, type LicenseSpec, type LiveResource, ownershipTags } from '../../model/index.js';
import { byText } from '../../util/canonical.js';
import { collectPages } from '../clients.js';
import {
  afterOf, arnOfChange, classify, createWithToken, toLmTags, unlessGone, updateTags, withLmTags, withoutDeleted,
  type ApplyContext, type ItemView, type KindAdapter, type KindRead, type StoreChange, type StoreContext,
} from '../kind-adapter.js';

const KIND = 'License';
const GONE = new Set(['DELETED', 'PENDING_DELETE']);

// The account is needed to read the beneficiary back (see licenseSpecFromAws).
const viewFor = (account: string): ItemView<License> => ({
  kind: KIND,
  arnOf: (item) => item.LicenseArn ?? '',
  displayNameOf: (item) => item.LicenseName ?? '',
  toLive: (item, name, tags) => ({ kind: KIND, name, arn: item.LicenseArn ?? '', tags, spec: licenseSpecFromAws(item, account), meta: { version: item.Version, status: item.Status } }),
});

export async function readLicenses(ctx: StoreContext): Promise<KindRead> {
  const listed = await collectPages('ListLicenses', async (NextToken) => {
    const out = await ctx.clients.lm.send(new ListLicensesCommand({ MaxResults: 100, NextToken }));
    return { items: out.Licenses, nextToken: out.NextToken };
  });
  const ours = ctx.homeRegionOnly ? listed.filter((l) => l.HomeRegion === ctx.target.region) : listed;
  const licenses = withoutDeleted(ctx, ours, (l) => GONE.has(l.Status ?? ''), (l) => l.LicenseArn ?? '');
  for (const l of licenses) if (l.CreateTime) ctx.created.set(l.LicenseArn ?? '', l.CreateTime);
  const view = viewFor(ctx.target.account);
  for (const l of licenses) ctx.listed.licenses.set(view.arnOf(l), licenseSpecFromAws(l, ctx.target.account));
  return classify(ctx, view, await withLmTags(ctx, view, licenses));
}

async function create(ctx: StoreContext, change: StoreChange, apply: ApplyContext): Promise<string> {
  const { tags, spec } = afterOf(change, KIND);
  const input = {
    ...licenseToAws(spec, ctx.target.account),
    ProductSKU: spec.productSku,
    Tags: toLmTags({ ...tags, ...ownershipTags(ctx.project, change.name, change.tagKeys) }),
  };
  return createWithToken(ctx, change, apply, input, async (ClientToken) => (await ctx.clients.lm.send(new CreateLicenseCommand({ ...input, ClientToken }))).LicenseArn ?? '');
}

async function update(ctx: StoreContext, change: StoreChange, apply: ApplyContext): Promise<void> {
  const arn = arnOfChange(change);
  const after = afterOf(change, KIND);
  if (change.diff.some((d) => !d.path.startsWith('tags.'))) {
    await ctx.clients.lm.send(new CreateLicenseVersionCommand({
      LicenseArn: arn,
      ...licenseToAws(after.spec, ctx.target.account),
      Status: after.spec.status,
      ...(change.meta?.version ? { SourceVersion: change.meta.version } : {}),
      ClientToken: apply.clientToken(change, 'version', after.spec),
    }));
  }
  await updateTags(ctx, change, 'lm');
}

/** Already deleted (a retried delete, or a killed apply's delete that landed) is done. */
async function remove(ctx: StoreContext, change: StoreChange): Promise<void> {
  await unlessGone(() => ctx.clients.lm.send(new DeleteLicenseCommand({ LicenseArn: arnOfChange(change), SourceVersion: change.meta?.version ?? '1' })));
}

/** One license read again (GetLicense and its tags), as the listing would have shown it. */
async function reread(ctx: StoreContext, arn: string): Promise<LiveResource | null> {
  const license = (await unlessGone(() => ctx.clients.lm.send(new GetLicenseCommand({ LicenseArn: arn }))))?.License;
  if (!license || GONE.has(license.Status ?? '')) return null;
  const view = viewFor(ctx.target.account);
  return classify(ctx, view, await withLmTags(ctx, view, [license])).managed[0] ?? null;
}

export const licenseAdapter: KindAdapter = { kind: KIND, reread, create, update, delete: remove };

function licenseSpecFromAws(item: License, account: string): LicenseSpec {
  return {
    displayName: item.LicenseName ?? '',
    productName: item.ProductName ?? '',
    productSku: item.ProductSKU ?? '',
    issuer: { name: item.Issuer?.Name ?? '', signKey: item.Issuer?.SignKey ?? null },
    homeRegion: item.HomeRegion ?? '',
    validity: { begin: item.Validity?.Begin ?? '', end: item.Validity?.End ?? null },
    // AWS requires a beneficiary; when the document names none we write the account itself (see licenseToAws).
    beneficiary: item.Beneficiary === undefined || item.Beneficiary === account ? null : item.Beneficiary,
    entitlements: (item.Entitlements ?? []).map(entitlementFromAws).sort(byText((x) => x.name)),
    consumptionConfiguration: consumptionFromAws(item.ConsumptionConfiguration),
    licenseMetadata: (item.LicenseMetadata ?? []).map((m) => ({ name: m.Name ?? '', value: m.Value ?? '' })).sort(byText((x) => x.name)),
    status: (item.Status ?? 'AVAILABLE') as LicenseSpec['status'],
  };
}

function entitlementFromAws(e: AwsEntitlement): Entitlement {
  return { name: e.Name ?? '', unit: e.Unit ?? 'None', maxCount: e.MaxCount ?? null, value: e.Value ?? null, overage: e.Overage ?? false, allowCheckIn: e.AllowCheckIn ?? false };
}

function consumptionFromAws(c: AwsConsumption | undefined): ConsumptionConfiguration {
  const p = c?.ProvisionalConfiguration;
  const b = c?.BorrowConfiguration;
  return {
    renewType: (c?.RenewType ?? 'None') as ConsumptionConfiguration['renewType'],
    provisionalConfiguration: p ? { maxTimeToLiveInMinutes: p.MaxTimeToLiveInMinutes ?? 0 } : null,
    borrowConfiguration: b ? { allowEarlyCheckIn: b.AllowEarlyCheckIn ?? false, maxTimeToLiveInMinutes: b.MaxTimeToLiveInMinutes ?? 0 } : null,
  };
}

/** The members CreateLicense and CreateLicenseVersion share. */
function licenseToAws(spec: LicenseSpec, account: string) {
  const c = spec.consumptionConfiguration;
  return {
    LicenseName: spec.displayName,
    ProductName: spec.productName,
    Issuer: { Name: spec.issuer.name, ...(spec.issuer.signKey ? { SignKey: spec.issuer.signKey } : {}) },
    HomeRegion: spec.homeRegion,
    Validity: { Begin: spec.validity.begin, ...(spec.validity.end ? { End: spec.validity.end } : {}) },
    Entitlements: spec.entitlements.map((e) => ({
      Name: e.name, Unit: e.unit as AwsEntitlement['Unit'], Overage: e.overage, AllowCheckIn: e.allowCheckIn,
      ...(e.maxCount === null ? {} : { MaxCount: e.maxCount }), ...(e.value === null ? {} : { Value: e.value }),
    })),
    ConsumptionConfiguration: {
      RenewType: c.renewType,
      ...(c.provisionalConfiguration ? { ProvisionalConfiguration: { MaxTimeToLiveInMinutes: c.provisionalConfiguration.maxTimeToLiveInMinutes } } : {}),
      ...(c.borrowConfiguration ? { BorrowConfiguration: { AllowEarlyCheckIn: c.borrowConfiguration.allowEarlyCheckIn, MaxTimeToLiveInMinutes: c.borrowConfiguration.maxTimeToLiveInMinutes } } : {}),
    },
    LicenseMetadata: spec.licenseMetadata.map((m) => ({ Name: m.name, Value: m.value })),
    Beneficiary: spec.beneficiary ?? account,
  };
}


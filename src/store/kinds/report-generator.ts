// Report generators: one paginated ListLicenseManagerReportGenerators (their tags come with them; a listing without
// tags falls back to one tag read each), created with a client token and changed by
// UpdateLicenseManagerReportGenerator, which re-specifies the whole generator.
import {
  CreateLicenseManagerReportGeneratorCommand, DeleteLicenseManagerReportGeneratorCommand, ListLicenseManagerReportGeneratorsCommand,
  type ReportGenerator, type ReportType, UpdateLicenseManagerReportGeneratorCommand,
} from '@aws-sdk/client-license-manager';
import { ownershipTags, type ReportGeneratorSpec, type Tags } from '../../model/index.js';
import { compareText } from '../../util/canonical.js';
import { collectPages } from '../clients.js';
import {
  afterOf, arnOfChange, classify, createWithToken, toLmTags, updateTags, withLmTags,
  type ApplyContext, type ItemView, type KindAdapter, type KindRead, type StoreChange, type StoreContext,
} from '../kind-adapter.js';

const KIND = 'ReportGenerator';

const view: ItemView<ReportGenerator> = {
  kind: KIND,
  arnOf: (item) => item.LicenseManagerReportGeneratorArn ?? '',
  displayNameOf: (item) => item.ReportGeneratorName ?? '',
  toLive: (item, name, tags) => ({ kind: KIND, name, arn: item.LicenseManagerReportGeneratorArn ?? '', tags, spec: reportGeneratorSpecFromAws(item), meta: {} }),
};

export async function readReportGenerators(ctx: StoreContext): Promise<KindRead> {
  const listed = await collectPages('ListLicenseManagerReportGenerators', async (NextToken) => {
    const out = await ctx.clients.lm.send(new ListLicenseManagerReportGeneratorsCommand({ MaxResults: 100, NextToken }));
    return { items: out.ReportGenerators, nextToken: out.NextToken };
  });
  const withTags = listed.filter((g) => g.Tags !== undefined).map((item) => ({ item, tags: tagsOf(item) }));
  const withoutTags = await withLmTags(ctx, view, listed.filter((g) => g.Tags === undefined));
  return classify(ctx, view, [...withTags, ...withoutTags]);
}

function tagsOf(item: ReportGenerator): Tags {
  return Object.fromEntries((item.Tags ?? []).filter((t) => t.Key !== undefined).map((t) => [t.Key!, t.Value ?? '']));
}

/** ARNs in licenseConfigurations; the store swaps those of managed configurations for their names. */
function reportGeneratorSpecFromAws(item: ReportGenerator): ReportGeneratorSpec {
  return {
    displayName: item.ReportGeneratorName ?? '',
    reportTypes: [...new Set(item.ReportType ?? [])].sort(compareText) as ReportGeneratorSpec['reportTypes'],
    licenseConfigurations: [...new Set(item.ReportContext?.licenseConfigurationArns ?? [])].sort(compareText),
    frequency: { value: item.ReportFrequency?.value ?? 1, period: (item.ReportFrequency?.period ?? 'MONTH') as ReportGeneratorSpec['frequency']['period'] },
    description: item.Description ?? '',
  };
}

/** The members Create and Update share. */
function definitionOf(spec: ReportGeneratorSpec, apply: ApplyContext) {
  return {
    ReportGeneratorName: spec.displayName,
    Type: [...spec.reportTypes] as ReportType[],
    ReportContext: { licenseConfigurationArns: spec.licenseConfigurations.map((ref) => apply.arnOf('LicenseConfiguration', ref)) },
    ReportFrequency: { value: spec.frequency.value, period: spec.frequency.period },
    Description: spec.description,
  };
}

async function create(ctx: StoreContext, change: StoreChange, apply: ApplyContext): Promise<string> {
  const { tags, spec } = afterOf(change, KIND);
  const input = { ...definitionOf(spec, apply), Tags: toLmTags({ ...tags, ...ownershipTags(ctx.project, change.name, change.tagKeys) }) };
  return createWithToken(ctx, change, apply, input, async (ClientToken) =>
    (await ctx.clients.lm.send(new CreateLicenseManagerReportGeneratorCommand({ ...input, ClientToken }))).LicenseManagerReportGeneratorArn ?? '');
}

async function update(ctx: StoreContext, change: StoreChange, apply: ApplyContext): Promise<void> {
  const { spec } = afterOf(change, KIND);
  if (change.diff.some((d) => !d.path.startsWith('tags.'))) {
    const input = definitionOf(spec, apply);
    await ctx.clients.lm.send(new UpdateLicenseManagerReportGeneratorCommand({
      LicenseManagerReportGeneratorArn: arnOfChange(change), ...input, ClientToken: apply.clientToken(change, 'update', input),
    }));
  }
  await updateTags(ctx, change, 'lm');
}

/** Already deleted (a retried delete, or one by hand) is done. */
async function remove(ctx: StoreContext, change: StoreChange): Promise<void> {
  try {
    await ctx.clients.lm.send(new DeleteLicenseManagerReportGeneratorCommand({ LicenseManagerReportGeneratorArn: arnOfChange(change) }));
  } catch (error) {
    if ((error as { name?: string }).name !== 'ResourceNotFoundException') throw error;
  }
}

export const reportGeneratorAdapter: KindAdapter = { kind: KIND, create, update, delete: remove };

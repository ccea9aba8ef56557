// Tags of License Manager resources (configurations, licenses, grants, report generators), kept per ARN, and the three tag
// operations. Only the owner of a resource can see or change its tags.
import { list, str, type CallContext, type EmulatorState, type Input } from '../core/service-contract.js';
import { invalidParameter, ownedBy, parseLmArn, type Tag } from './conventions.js';

export function tagList(state: EmulatorState, arn: string): Tag[] {
  return Object.entries(state.licenseManager.tags[arn] ?? {}).map(([Key, Value]) => ({ Key, Value }));
}

/** Adds or overwrites tags; checks them all before changing anything. */
export function applyTags(state: EmulatorState, arn: string, tags: readonly Tag[]): void {
  const checked = tags.map(checkTag);
  const current = (state.licenseManager.tags[arn] ??= {});
  for (const { key, value } of checked) current[key] = value;
}

function checkTag(tag: Tag): { key: string; value: string } {
  const key = tag.Key ?? '';
  if (key.length === 0 || key.length > 128) throw invalidParameter('Tag keys must be 1 to 128 characters long');
  if (key.toLowerCase().startsWith('aws:')) throw invalidParameter(`Tag key ${key} uses the reserved prefix aws:`);
  const value = tag.Value ?? '';
  if (value.length > 256) throw invalidParameter(`The value of tag ${key} is longer than 256 characters`);
  return { key, value };
}

const SECTIONS = { 'license-configuration': 'licenseConfigurations', license: 'licenses', grant: 'grants', 'report-generator': 'reportGenerators' } as const;

/** Unknown, foreign and malformed ARNs all answer like License Manager: an invalid ARN of that kind. */
function requireTaggable(ctx: CallContext, arn: string): void {
  const parsed = parseLmArn(arn);
  const exists = parsed !== undefined && ctx.state.licenseManager[SECTIONS[parsed.kind]]?.[arn] !== undefined;
  if (!exists || !ownedBy(ctx, arn)) throw invalidParameter(`Invalid ${parsed?.kind.replace('-', ' ') ?? 'resource'} ARN: ${arn}`);
}

export function tagResource(ctx: CallContext, input: Input): Record<string, unknown> {
  const arn = str(input, 'ResourceArn');
  requireTaggable(ctx, arn);
  applyTags(ctx.state, arn, list<Tag>(input, 'Tags') ?? []);
  return {};
}

export function untagResource(ctx: CallContext, input: Input): Record<string, unknown> {
  const arn = str(input, 'ResourceArn');
  requireTaggable(ctx, arn);
  const tags = ctx.state.licenseManager.tags[arn];
  for (const key of list(input, 'TagKeys') ?? []) if (tags) delete tags[key];
  if (tags && Object.keys(tags).length === 0) delete ctx.state.licenseManager.tags[arn];
  return {};
}

export function listTagsForResource(ctx: CallContext, input: Input): Record<string, unknown> {
  const arn = str(input, 'ResourceArn');
  requireTaggable(ctx, arn);
  return { Tags: tagList(ctx.state, arn) };
}

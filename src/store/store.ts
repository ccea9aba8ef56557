// The one store: reads the live state of every kind and performs single changes, all through the SDK clients.
import { GetLicenseConfigurationCommand } from '@aws-sdk/client-license-manager';
import pLimit from 'p-limit';
import type { ActivationOverrideBehavior, Kind, LiveResource, OtherResource, ServiceSettingsSpec, Target, Usage } from '../model/index.js';
import type { Clients } from './clients.js';
import { adoptResource, type ApplyContext, type KindAdapter, type KindRead, type StoreChange, type StoreContext } from './kind-adapter.js';
import { type AssociationPair, associationAdapter, type AssociationReads, readAssociations, readPairs } from './kinds/association.js';
import { acceptGrant, activateGrant, grantAdapter, type ListedGrant, listGrants, type ReceivedGrant, receivedGrants, receivedGrantStatus, tagGrants } from './kinds/grant.js';
import { licenseAdapter, readLicenses } from './kinds/license.js';
import { PendingCreates } from './pending-creates.js';
import { licenseConfigurationAdapter, readLicenseConfigurations } from './kinds/license-configuration.js';
import { readReportGenerators, reportGeneratorAdapter } from './kinds/report-generator.js';
import { acceptInvitation, pendingInvitations, principalAssociated, readResourceShares, resourceShareAdapter } from './kinds/resource-share.js';
import { readServiceSettings, serviceSettingsAdapter } from './kinds/service-settings.js';
import { listedUsage, readUsage, type UsageRequest } from './usage.js';

const ADAPTERS: readonly KindAdapter[] = [
  serviceSettingsAdapter, licenseConfigurationAdapter, licenseAdapter, resourceShareAdapter, grantAdapter, associationAdapter, reportGeneratorAdapter,
];

export interface StoreOptions {
  readonly clients: Clients;
  readonly project: string;
  readonly target: Target;
  /** Parallel per-resource reads and independent changes. */
  readonly concurrency: number;
  /** Where notes of creates without a client token are kept (see pending-creates.ts). */
  readonly pendingCreatesFile: string;
  /** How long after it left a request can still take effect: the per-attempt timeout. */
  readonly requestTimeoutMs: number;
  /** See StoreContext.homeRegionOnly. */
  readonly homeRegionOnly?: boolean;
}

/** What one round of list calls found. */
export interface Listing {
  /** Configurations, licenses and shares, with their tags: managed ones (ARNs in specs) and the others. */
  readonly managed: readonly LiveResource[];
  readonly others: readonly OtherResource[];
  /** Grants, listed without their tags. */
  readonly grants: readonly ListedGrant[];
  /** The totals of every configuration listed (they come with the list); no license usage. */
  readonly usage: Usage;
}

export class Store {
  private readonly ctx: StoreContext;

  constructor(options: StoreOptions) {
    this.ctx = {
      clients: options.clients,
      project: options.project,
      readLimit: pLimit(Math.max(1, options.concurrency)),
      target: options.target,
      deleted: new Set(),
      created: new Map(),
      listed: { configurations: new Map(), licenses: new Map() },
      homeRegionOnly: options.homeRegionOnly ?? false,
      shared: new Set(),
      // A second on top: the request's own timeout starts a little after the note is written. None where nothing can
      // land late (requestTimeoutMs 0: the embedded emulator).
      pending: new PendingCreates(options.pendingCreatesFile, options.requestTimeoutMs > 0 ? options.requestTimeoutMs + 1_000 : 0),
    };
  }

  get target(): Target {
    return this.ctx.target;
  }

  /**
   * The creates of this project and target whose outcome is still unknown (pending-creates.ts), by address, with
   * when their request left and until when it may land.
   */
  async pendingCreates(): Promise<Map<string, { readonly since: number; readonly until: number }>> {
    const prefix = `${this.ctx.target.account}/${this.ctx.target.region}/${this.ctx.project}/`;
    const notes = Object.entries(await this.ctx.pending.notes()).filter(([key]) => key.startsWith(prefix));
    return new Map(notes.map(([key, note]) => [key.slice(prefix.length), { since: note.startedAt, until: note.startedAt + note.windowMs }]));
  }

  get project(): string {
    return this.ctx.project;
  }

  get stats() {
    return this.ctx.clients.stats;
  }

  /**
   * One list per kind, all kinds at once: configurations and licenses with one tag read each (their lists leave
   * tags out), shares with their tags and associations, grants without their tags (see readGrantTags); then, once
   * the managed configurations are known, one list of associations per managed configuration an Association claims;
   * report generators with their tags (one list).
   */
  async list(associationReads?: AssociationReads): Promise<Listing> {
    this.ctx.listed.configurations.clear();
    this.ctx.listed.licenses.clear();
    const [[configurations, associations], licenses, shares, grants, generators] = await Promise.all([
      readLicenseConfigurations(this.ctx).then(async (c) => [c, await readAssociations(this.ctx, c.managedTags, associationReads)] as const),
      readLicenses(this.ctx), readResourceShares(this.ctx), listGrants(this.ctx), readReportGenerators(this.ctx),
    ]);
    const reads = [configurations, licenses, shares, associations, generators];
    return { managed: reads.flatMap((r) => r.managed), others: reads.flatMap((r) => r.others), grants, usage: listedUsage(this.ctx) };
  }

  /** The target's service settings (GetServiceSettings); read only where a ServiceSettings document manages them. */
  readServiceSettings(): Promise<ServiceSettingsSpec> {
    return readServiceSettings(this.ctx);
  }

  /** The tracked resources of configurations and the consumption of licenses the last listing saw (see usage.ts). */
  readUsage(request: UsageRequest): Promise<Usage> {
    return readUsage(this.ctx, request);
  }

  /** Every association of these configurations, claimed or not (one list each): what import makes Associations of. */
  readAssociationPairs(configurationArns: readonly string[]): Promise<AssociationPair[]> {
    return readPairs(this.ctx, configurationArns);
  }

  /** Reads the tags of listed grants, one call each at the store's concurrency, and sorts them by owner. */
  readGrantTags(grants: readonly ListedGrant[]): Promise<KindRead> {
    return tagGrants(this.ctx, grants);
  }

  create(change: StoreChange, apply: ApplyContext): Promise<string> {
    return adapterFor(change.kind).create(this.ctx, change, apply);
  }

  /** Adds our ownership tags to an existing resource (kind-adapter.ts); what differs is then updated with update. */
  adopt(change: StoreChange, apply: ApplyContext): Promise<void> {
    return adoptResource(this.ctx, change, apply);
  }

  update(change: StoreChange, apply: ApplyContext): Promise<void> {
    return adapterFor(change.kind).update(this.ctx, change, apply);
  }

  /** When the listing said the resource was created (licenses and shares; AWS reports none for the others). */
  createdAt(arn: string): string | undefined {
    return this.ctx.created.get(arn);
  }

  /** Whether the listing found the resource associated with any share the account owns, managed or not. */
  isShared(arn: string): boolean {
    return this.ctx.shared.has(arn);
  }

  /** How a configuration is in use: licenses consumed and resources associated (GetLicenseConfiguration's ConsumedLicenses, ManagedResourceSummaryList). */
  async licenseUse(arn: string): Promise<{ consumed: number; associated: number }> {
    const out = await this.ctx.clients.lm.send(new GetLicenseConfigurationCommand({ LicenseConfigurationArn: arn }));
    // Associations count too: a pair on an AMI or a stopped instance consumes nothing and is still a use.
    return { consumed: out.ConsumedLicenses ?? 0, associated: (out.ManagedResourceSummaryList ?? []).reduce((n, row) => n + (row.AssociationCount ?? 0), 0) };
  }

  /** The resource of `change` read again, where its kind changes through versions; null when it is gone or not ours. */
  async reread(change: StoreChange): Promise<LiveResource | null> {
    const adapter = adapterFor(change.kind);
    return adapter.reread && change.arn ? adapter.reread(this.ctx, change.arn) : null;
  }

  /** Deletes; the ARN is then known deleted, so a create answered with it later is a replay (see createWithToken). */
  async delete(change: StoreChange, apply?: ApplyContext): Promise<void> {
    await adapterFor(change.kind).delete(this.ctx, change, apply);
    if (change.arn) this.ctx.deleted.add(change.arn);
  }

  /** The grantee's side of a grant (this store acting as the grantee's account): see kinds/grant.ts. */
  receivedGrantStatus(arn: string): Promise<{ status: string; version: string } | null> {
    return receivedGrantStatus(this.ctx, arn);
  }

  /** The grants this account received, child grants of organization and OU grants among them. */
  receivedGrants(): Promise<ReceivedGrant[]> {
    return receivedGrants(this.ctx);
  }

  acceptGrant(arn: string): Promise<void> {
    return acceptGrant(this.ctx, arn);
  }

  activateGrant(arn: string, version: string, behavior?: ActivationOverrideBehavior): Promise<void> {
    return activateGrant(this.ctx, arn, version, behavior);
  }

  /** The receiving side of shares (this store acting as an invited account): see kinds/resource-share.ts. */
  pendingInvitations(): Promise<Map<string, string>> {
    return pendingInvitations(this.ctx);
  }

  acceptInvitation(invitationArn: string): Promise<void> {
    return acceptInvitation(this.ctx, invitationArn);
  }

  principalAssociated(shareArn: string, principal: string): Promise<boolean> {
    return principalAssociated(this.ctx, shareArn, principal);
  }

  close(): void {
    this.ctx.clients.destroy();
  }
}

function adapterFor(kind: Kind): KindAdapter {
  const adapter = ADAPTERS.find((a) => a.kind === kind);
  if (!adapter) throw new Error(`internal: no store support for ${kind}`);
  return adapter;
}

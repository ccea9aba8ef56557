// Pairing live grants with their documents by license and name, without a tag read each. A pairing is a guess
// that must be verified (tags read) before the grant is changed. Grants the plan is going to change are
// verified early: as soon as the page that lists them arrives, while the next pages are still being fetched,
// so that a plan with changes does not wait for a second round of reads after the first.
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Grant } from '@aws-sdk/client-license-manager';
import type { DesiredResource, LiveResource, Tags } from '../../model/index.js';
import { actionOf } from '../../plan/plan-change.js';
import { lmTagsOf } from './classify.js';
import type { ReadHint, StoreContext } from './adapter.js';

const KIND = 'Grant';

/** Desired grants by license ARN and name; a license named by the documents resolves through `licenseArns`. */
export type DesiredByKey = ReadonlyMap<string, readonly DesiredResource[]>;

const keyOf = (licenseArn: string, name: string) => `${licenseArn}|${name}`;
const liveKeyOf = (g: Grant) => keyOf(g.LicenseArn ?? '', g.GrantName ?? '');

export function desiredByKey(desired: readonly DesiredResource[], licenseArns: ReadonlyMap<string, string>): DesiredByKey {
  const wanted = new Map<string, DesiredResource[]>();
  for (const d of desired) {
    if (d.kind !== KIND) continue;
    const licenseArn = d.spec.license.startsWith('arn:') ? d.spec.license : licenseArns.get(d.spec.license);
    if (!licenseArn) continue;
    const key = keyOf(licenseArn, d.spec.displayName);
    wanted.set(key, [...(wanted.get(key) ?? []), d]);
  }
  return wanted;
}

/**
 * A live grant whose license and name match exactly one document, and no other live grant, is taken to be that
 * document's grant without reading its tags. Every other grant gets its tags read. The guess is checked (verify)
 * before any change to such a grant is applied, so a wrong guess can only hide a difference in tags.
 */
export function pairByName(grants: readonly Grant[], wanted: DesiredByKey) {
  const live = new Map<string, Grant[]>();
  for (const g of grants) live.set(liveKeyOf(g), [...(live.get(liveKeyOf(g)) ?? []), g]);
  const paired: { grant: Grant; desired: DesiredResource }[] = [];
  const rest: Grant[] = [];
  for (const [key, group] of live) {
    const docs = wanted.get(key) ?? [];
    if (group.length === 1 && docs.length === 1) paired.push({ grant: group[0]!, desired: docs[0]! });
    else rest.push(...group);
  }
  return { paired, rest };
}

/**
 * Tag reads started while the grants are listed, for grants whose one matching document the plan would change
 * (the planner's own comparison, on the pairing's guess). `onPage` never blocks the listing: it waits for the
 * desired state and the license read on the side.
 */
export function earlyTagReads(ctx: StoreContext, hint: ReadHint, toLive: (g: Grant, d: DesiredResource) => LiveResource) {
  const reads = new Map<string, Promise<Tags>>();
  const pending: Promise<void>[] = [];
  const wanted = handled(Promise.all([hint.desired, hint.licenseArns]).then(([desired, arns]) => ({ byKey: desiredByKey(desired, arns), arns })));
  const changes = handled(wanted.then(({ byKey, arns }) => changeTestFor(byKey, arns, toLive)));
  return {
    /** The desired grants by key, as pairByName wants them. */
    wanted: async (): Promise<DesiredByKey> => (await wanted).byKey,
    onPage(page: readonly Grant[]): void {
      // Compared on the event loop's next turn: the request for the next page reaches its socket through a chain
      // of microtasks, and a page's comparison (a millisecond or two) would otherwise run ahead of it.
      pending.push(handled(changes.then((test) => nextTurn(test)).then((changed) => {
        for (const g of page) {
          const arn = g.GrantArn ?? '';
          if (!reads.has(arn) && changed(g)) reads.set(arn, handled(lmTagsOf(ctx, arn)));
        }
      })));
    },
    /** Every early read, by grant ARN, once all have answered; rejects with the first that failed. */
    async results(): Promise<ReadonlyMap<string, Tags>> {
      await Promise.all(pending);
      return new Map(await Promise.all([...reads].map(async ([arn, tags]) => [arn, await tags] as const)));
    },
  };
}

function changeTestFor(wanted: DesiredByKey, licenseArns: ReadonlyMap<string, string>, toLive: (g: Grant, d: DesiredResource) => LiveResource) {
  const licenseNames = new Map([...licenseArns].map(([name, arn]) => [arn, name]));
  return (g: Grant): boolean => {
    const docs = wanted.get(liveKeyOf(g)) ?? [];
    if (docs.length !== 1) return false;
    const live = toLive(g, docs[0]!);
    const named = live.kind === KIND ? { ...live, spec: { ...live.spec, license: licenseNames.get(live.spec.license) ?? live.spec.license } } : live;
    return actionOf(docs[0]!, named) !== 'no-op';
  };
}

/** Failures are collected by `results`; until then a rejection must not count as unhandled. */
function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

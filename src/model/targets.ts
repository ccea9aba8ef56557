// Targets: one project across several accounts and regions. A target is an account, its regions and the
// credentials to reach it; each (target, region) is a unit planned and applied as a single-target project is, with
// its own store. A unit's label is the target's name, or `name@region` when the target has several regions; with
// several units, addresses read `label/Kind/name`. A project without spec.targets has one unit, unlabelled.
import picomatch from 'picomatch';
import type { DesiredState, ProjectConfig } from './state.js';

export interface TargetConfig {
  readonly name: string;
  readonly account: string;
  readonly regions: readonly string[];
  readonly profile?: string;
  readonly roleArn?: string;
  readonly externalId?: string;
  readonly sessionName?: string;
}

/** How a unit's credentials are found: a profile or the default chain, then optionally a role assumed with them. */
export interface TargetCredentials {
  readonly profile?: string;
  readonly roleArn?: string;
  readonly externalId?: string;
  readonly sessionName?: string;
}

export interface TargetUnit {
  readonly label: string;
  readonly target: string;
  readonly account: string;
  readonly region: string;
  readonly credentials: TargetCredentials;
}

/** The units of a project with spec.targets, in declaration order; empty without. */
export function targetUnits(project: ProjectConfig): TargetUnit[] {
  return (project.targets ?? []).flatMap((t) => t.regions.map((region) => ({
    label: t.regions.length === 1 ? t.name : `${t.name}@${region}`,
    target: t.name, account: t.account, region,
    credentials: { profile: t.profile, roleArn: t.roleArn, externalId: t.externalId, sessionName: t.sessionName },
  })));
}

/**
 * The units `patterns` select, as `name@region` keys in declaration order. A pattern is a target's name or a glob
 * of names (every region of the targets it matches), or `name@region` (globs on either side) for some regions only.
 */
export function selectUnits(targets: readonly TargetConfig[], patterns: readonly string[]): string[] {
  const parts = patterns.map((p) => {
    const at = p.indexOf('@');
    return at < 0 ? { name: picomatch(p), region: () => true } : { name: picomatch(p.slice(0, at)), region: picomatch(p.slice(at + 1)) };
  });
  return targets.flatMap((t) => t.regions.filter((region) => parts.some((p) => p.name(t.name) && p.region(region))).map((region) => `${t.name}@${region}`));
}

/**
 * The desired state of one unit: the documents that select its target, and the project as a single-target one
 * bound to the unit's account and region.
 */
export function desiredForUnit(state: DesiredState, unit: TargetUnit): DesiredState {
  const store = { ...state.project.store, region: unit.region };
  return {
    project: { ...state.project, store, account: unit.account },
    resources: state.resources.filter((r) => (r.targets ?? []).includes(`${unit.target}@${unit.region}`)),
  };
}

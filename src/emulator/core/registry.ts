// The routing table: which operation a request names (License Manager and Organizations by `x-amz-target`,
// RAM by method and path, STS by its `Action` parameter), the key it is counted and fault-injected under, and
// where its model says its members travel.
import type { ServiceModel, ShapeType } from './model/service-model.js';
import { LICENSE_MANAGER_MODEL, ORGANIZATIONS_MODEL, RAM_MODEL, STS_MODEL } from './model/shapes.generated.js';
import type { OperationSpec, ServiceName } from './service-contract.js';

export const SERVICE_MODELS: Readonly<Record<ServiceName, ServiceModel>> = {
  'license-manager': LICENSE_MANAGER_MODEL,
  ram: RAM_MODEL,
  sts: STS_MODEL,
  organizations: ORGANIZATIONS_MODEL,
};

/** The `x-amz-target` prefixes of the awsJson1_1 services (the operation's name follows the dot). */
export const TARGET_PREFIXES: Readonly<Partial<Record<ServiceName, string>>> = {
  'license-manager': 'AWSLicenseManager',
  organizations: 'AWSOrganizationsV20161128',
};

/** The awsJson1_1 service an `x-amz-target` header names, if any. */
export function serviceOfTarget(target: string): ServiceName | undefined {
  const prefix = target.slice(0, target.indexOf('.'));
  return (Object.keys(TARGET_PREFIXES) as ServiceName[]).find((service) => TARGET_PREFIXES[service] === prefix);
}

/** An input member bound to the query string (RAM's DELETE operations). */
export interface QueryMember {
  readonly member: string;
  readonly name: string;
  readonly type: ShapeType;
  /** Element type, for list members. */
  readonly elementType?: ShapeType;
}

export interface Route {
  /** The operation's name, or `service:Name` where two services share a name (TagResource, UntagResource). */
  readonly key: string;
  readonly spec: OperationSpec;
  readonly inputShape?: string;
  readonly outputShape?: string;
  readonly queryMembers: readonly QueryMember[];
}

export class OperationRegistry {
  private readonly byTargetName = new Map<string, Route>();
  private readonly byMethodPath = new Map<string, Route>();
  private readonly byActionName = new Map<string, Route>();
  readonly routes: readonly Route[];

  constructor(specs: readonly OperationSpec[]) {
    const names = specs.map((s) => s.name);
    this.routes = specs.map((spec) => routeOf(spec, names.filter((n) => n === spec.name).length > 1));
    for (const route of this.routes) {
      const prefix = TARGET_PREFIXES[route.spec.service];
      if (prefix) this.byTargetName.set(`${prefix}.${route.spec.name}`, route);
      else if (route.spec.service === 'sts') this.byActionName.set(route.spec.name, route);
      else this.byMethodPath.set(httpKey(route.spec.http!.method, route.spec.http!.path), route);
    }
  }

  /** A License Manager or Organizations operation by its whole `x-amz-target` (`AWSLicenseManager.ListLicenses`). */
  byTarget(target: string): Route | undefined {
    return this.byTargetName.get(target);
  }

  /** An STS (awsQuery) operation by its `Action` parameter. */
  byAction(name: string): Route | undefined {
    return this.byActionName.get(name);
  }

  /** A RAM operation by method and path (case-insensitive, trailing slash ignored). */
  byHttp(method: string, pathname: string): Route | undefined {
    const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
    return this.byMethodPath.get(httpKey(method.toUpperCase(), path.toLowerCase()));
  }

  keys(): string[] {
    return this.routes.map((r) => r.key);
  }
}

function routeOf(spec: OperationSpec, shared: boolean): Route {
  const model = SERVICE_MODELS[spec.service];
  const operation = model.operations[spec.name];
  if (!operation) throw new Error(`emulator: ${spec.service} has no operation ${spec.name} in its model`);
  const http = spec.http ?? (operation.http as OperationSpec['http']);
  return {
    key: shared ? `${spec.service}:${spec.name}` : spec.name,
    spec: { ...spec, http },
    ...(operation.input ? { inputShape: operation.input } : {}),
    ...(operation.output ? { outputShape: operation.output } : {}),
    queryMembers: operation.input ? queryMembersOf(model, operation.input) : [],
  };
}

function queryMembersOf(model: ServiceModel, inputShape: string): QueryMember[] {
  const members = model.shapes[inputShape]?.members ?? {};
  return Object.entries(members)
    .filter(([, ref]) => ref.location === 'querystring')
    .map(([member, ref]) => {
      const shape = model.shapes[ref.shape]!;
      const element = shape.member ? model.shapes[shape.member]?.type : undefined;
      return { member, name: ref.locationName ?? member, type: shape.type, ...(element ? { elementType: element } : {}) };
    });
}

function httpKey(method: string, path: string): string {
  return `${method} ${path}`;
}

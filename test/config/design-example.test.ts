import { describe, expect, it } from 'vitest';
import type { DesiredState } from '../../src/model/index.js';
import { load, yaml } from './helpers.js';

// DESIGN.md §3, verbatim.
const EXAMPLE = yaml`
  apiVersion: licensectl/v1
  kind: Project
  metadata: {name: acme-licenses}
  spec:
    store: {type: emulator}        # emulator (default; path defaults to .licensectl/emulator.json) | aws
    # store: {type: aws, region: us-east-1, profile: prod, endpoint: http://127.0.0.1:4566}
    prune: true                    # delete managed resources whose documents were removed
  ---
  apiVersion: licensectl/v1
  kind: LicenseConfiguration
  metadata: {name: windows-server, tags: {team: platform}}
  spec:
    displayName: Windows Server Datacenter   # AWS Name; defaults to metadata.name
    description: BYOL, dedicated hosts only
    countingType: Core                       # vCPU | Instance | Core | Socket (cannot change in place)
    licenseCount: 256
    hardLimit: true
    rules: {allowedTenancy: [EC2-DedicatedHost], minimumCores: 8, licenseAffinityToHost: 90}
    productInformation:                      # automated discovery through Systems Manager inventory
      - resourceType: SSM_MANAGED
        filters: [{name: Platform Name, comparator: EQUALS, value: Microsoft Windows Server 2022 Datacenter}]
    disassociateWhenNotFound: false
    expiry: "2027-06-30T00:00:00Z"           # LicenseExpiry
    status: AVAILABLE                        # AVAILABLE | DISABLED (deactivated: stops tracking)
  ---
  apiVersion: licensectl/v1
  kind: ResourceShare                        # AWS RAM
  metadata: {name: windows-to-dev}
  spec:
    allowExternalPrincipals: false
    principals: ["222233334444", "arn:aws:organizations::111122223333:ou/o-abc/ou-dev"]
    licenseConfigurations: [windows-server]  # names of LicenseConfiguration documents
  ---
  apiVersion: licensectl/v1
  kind: License                              # a seller-issued license (CreateLicense)
  metadata: {name: analytics-pro}
  spec:
    productName: Acme Analytics
    productSku: acme-analytics-pro
    issuer: {name: Acme Corp}
    homeRegion: us-east-1
    validity: {begin: "2026-01-01T00:00:00Z", end: "2027-01-01T00:00:00Z"}
    entitlements: [{name: seats, unit: Count, maxCount: 50, allowCheckIn: true}]
    consumptionConfiguration: {renewType: Monthly, provisionalConfiguration: {maxTimeToLiveInMinutes: 60}}
  ---
  apiVersion: licensectl/v1
  kind: Grant
  metadata: {name: analytics-to-dev}
  spec:
    license: analytics-pro                   # a License document, or licenseArn: arn:aws:license-manager::...:license:l-...
    principal: arn:aws:iam::222233334444:root
    homeRegion: us-east-1
    allowedOperations: [CheckoutLicense, CheckInLicense, ListPurchasedLicenses]
    status: ACTIVE
`;

const source = (line: number) => ({ file: 'licensectl.yaml', line, column: 1 });

const EXPECTED: DesiredState = {
  project: { name: 'acme-licenses', store: { type: 'emulator' }, prune: true, pruneExplicit: true, source: source(1) },
  resources: [
    {
      kind: 'LicenseConfiguration',
      name: 'windows-server',
      tags: { team: 'platform' },
      source: source(9),
      spec: {
        displayName: 'Windows Server Datacenter',
        description: 'BYOL, dedicated hosts only',
        countingType: 'Core',
        licenseCount: 256,
        hardLimit: true,
        rules: { allowedTenancy: ['EC2-DedicatedHost'], minimumCores: 8, licenseAffinityToHost: 90 },
        productInformation: [{
          resourceType: 'SSM_MANAGED',
          filters: [{ name: 'Platform Name', comparator: 'EQUALS', values: ['Microsoft Windows Server 2022 Datacenter'] }],
        }],
        disassociateWhenNotFound: false,
        expiry: '2027-06-30T00:00:00Z',
        status: 'AVAILABLE',
      },
    },
    {
      kind: 'License',
      name: 'analytics-pro',
      tags: {},
      source: source(34),
      spec: {
        displayName: 'analytics-pro',
        productName: 'Acme Analytics',
        productSku: 'acme-analytics-pro',
        issuer: { name: 'Acme Corp', signKey: null },
        homeRegion: 'us-east-1',
        validity: { begin: '2026-01-01T00:00:00Z', end: '2027-01-01T00:00:00Z' },
        beneficiary: null,
        entitlements: [{ name: 'seats', unit: 'Count', maxCount: 50, value: null, overage: false, allowCheckIn: true }],
        consumptionConfiguration: { renewType: 'Monthly', provisionalConfiguration: { maxTimeToLiveInMinutes: 60 }, borrowConfiguration: null },
        licenseMetadata: [],
        status: 'AVAILABLE',
      },
    },
    {
      kind: 'ResourceShare',
      name: 'windows-to-dev',
      tags: {},
      source: source(26),
      spec: {
        displayName: 'windows-to-dev',
        allowExternalPrincipals: false,
        principals: ['222233334444', 'arn:aws:organizations::111122223333:ou/o-abc/ou-dev'],
        licenseConfigurations: ['windows-server'],
      },
    },
    {
      kind: 'Grant',
      name: 'analytics-to-dev',
      tags: {},
      source: source(46),
      spec: {
        displayName: 'analytics-to-dev',
        license: 'analytics-pro',
        principal: 'arn:aws:iam::222233334444:root',
        homeRegion: 'us-east-1',
        allowedOperations: ['CheckInLicense', 'CheckoutLicense', 'ListPurchasedLicenses'],
        status: 'ACTIVE',
      },
    },
  ],
};

describe('the DESIGN.md example', () => {
  it('validates and normalises to the canonical desired state', async () => {
    const result = await load({ 'licensectl.yaml': EXAMPLE });
    expect(result.diagnostics).toEqual([]);
    expect(result.files).toEqual(['licensectl.yaml']);
    expect(result.state).toStrictEqual(EXPECTED);
  });
});

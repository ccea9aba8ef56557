// Inputs that License Manager accepts, for tests to vary one member at a time.
import type { CreateGrantCommandInput, CreateLicenseCommandInput, CreateLicenseConfigurationCommandInput } from '@aws-sdk/client-license-manager';

export const ISSUER = '111122223333';
export const GRANTEE = '222233334444';
export const STRANGER = '333344445555';
export const REGION = 'us-east-1';
export const NOW = new Date('2026-03-01T12:00:00.000Z');

export function configurationInput(overrides: Partial<CreateLicenseConfigurationCommandInput> = {}): CreateLicenseConfigurationCommandInput {
  return {
    Name: 'windows-server',
    Description: 'BYOL, dedicated hosts only',
    LicenseCountingType: 'Core',
    LicenseCount: 256,
    LicenseCountHardLimit: true,
    LicenseRules: ['#allowedTenancy=EC2-DedicatedHost', '#minimumCores=8'],
    ...overrides,
  };
}

export function licenseInput(overrides: Partial<CreateLicenseCommandInput> = {}): CreateLicenseCommandInput {
  return {
    LicenseName: 'analytics-pro',
    ProductName: 'Acme Analytics',
    ProductSKU: 'acme-analytics-pro',
    Issuer: { Name: 'Acme Corp' },
    HomeRegion: REGION,
    Validity: { Begin: '2026-01-01T00:00:00Z', End: '2027-01-01T00:00:00Z' },
    Entitlements: [{ Name: 'seats', Unit: 'Count', MaxCount: 50, AllowCheckIn: true }],
    Beneficiary: ISSUER,
    ConsumptionConfiguration: { RenewType: 'Monthly', ProvisionalConfiguration: { MaxTimeToLiveInMinutes: 60 } },
    ClientToken: 'license-1',
    ...overrides,
  };
}

export function grantInput(licenseArn: string, overrides: Partial<CreateGrantCommandInput> = {}): CreateGrantCommandInput {
  return {
    ClientToken: 'grant-1',
    GrantName: 'analytics-to-dev',
    LicenseArn: licenseArn,
    Principals: [`arn:aws:iam::${GRANTEE}:root`],
    HomeRegion: REGION,
    AllowedOperations: ['CheckoutLicense', 'CheckInLicense'],
    ...overrides,
  };
}

// A desired state of every kind, for tests that need volume: configurations, licenses, shares of the
// configurations, and grants of the licenses to other accounts.
export function mixedState(counts: { configurations: number; licenses: number; shares: number; grants: number }): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < counts.configurations; i += 1) {
    files[`config-${i}.yaml`] = `apiVersion: licensectl/v1\nkind: LicenseConfiguration\nmetadata: {name: config-${i}, tags: {n: "${i}"}}\nspec: {countingType: ${['vCPU', 'Core', 'Socket', 'Instance'][i % 4]}, licenseCount: ${10 + i}}\n`;
  }
  for (let i = 0; i < counts.licenses; i += 1) {
    files[`license-${i}.yaml`] = `apiVersion: licensectl/v1
kind: License
metadata: {name: license-${i}}
spec:
  productName: Product ${i}
  productSku: sku-${i}
  issuer: {name: Acme}
  homeRegion: us-east-1
  validity: {begin: "2026-01-01T00:00:00Z"}
  entitlements: [{name: seats, unit: Count, maxCount: ${5 + i}}]
  consumptionConfiguration: {renewType: None, provisionalConfiguration: {maxTimeToLiveInMinutes: 30}}
`;
  }
  for (let i = 0; i < counts.shares; i += 1) {
    const configs = [i % counts.configurations, (i + 1) % counts.configurations].map((c) => `config-${c}`);
    files[`share-${i}.yaml`] = `apiVersion: licensectl/v1\nkind: ResourceShare\nmetadata: {name: share-${i}}\nspec: {principals: ["2222333344${String(i).padStart(2, '0')}", "3333444455${String(i).padStart(2, '0')}"], licenseConfigurations: [${[...new Set(configs)].join(', ')}]}\n`;
  }
  for (let i = 0; i < counts.grants; i += 1) {
    files[`grant-${i}.yaml`] = `apiVersion: licensectl/v1\nkind: Grant\nmetadata: {name: grant-${i}}\nspec: {license: license-${i % counts.licenses}, principal: "arn:aws:iam::4444555566${String(i).padStart(2, '0')}:root", homeRegion: us-east-1, allowedOperations: [CheckoutLicense, CheckInLicense]}\n`;
  }
  return files;
}

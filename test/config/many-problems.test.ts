import { describe, expect, it } from 'vitest';
import { renderDiagnostics } from '../../src/render/diagnostics.js';
import { load, PROJECT, yaml } from './helpers.js';

describe('a run with many problems', () => {
  it('reports every one, across files and documents, in file/line order, with no state', async () => {
    const result = await load({
      'licensectl.yaml': `${PROJECT}---\napiVersion: licensectl/v1\nkind: ResourceShare\nmetadata: {name: share, tags: {licensectl:name: x}}\nspec: {licenseConfigurations: [windows, oracle]}\n`,
      'configurations.yaml': yaml`
        apiVersion: licensectl/v1
        kind: LicenseConfiguration
        metadata: {name: windows}
        spec:
          countingType: vCPU
          licenceCount: 10
          rules: {minimumCores: 4, licenseAffinityToHost: 0}
        ---
        apiVersion: licensectl/v1
        kind: LicenseConfiguration
        metadata: {name: windows}
        spec: {countingType: Sockets}
      `,
      'broken.yml': 'a: [1\n',
    });
    expect(result.state).toBeNull();
    expect(renderDiagnostics(result.diagnostics, { color: false })).toBe([
      'broken.yml:1:4: error: unclosed bracket: the list opened here is not closed with ]',
      '  hint: parsing stopped at line 2, column 1 (the end of the file); close it with ], or write it as a block list',
      'configurations.yaml:6:3: error: unknown field "licenceCount"',
      '  hint: did you mean "licenseCount"?',
      'configurations.yaml:7:11: error: rule "minimumCores" is not allowed with countingType vCPU',
      '  hint: vCPU allows allowedTenancy, honorVcpuOptimization, maximumVcpus, minimumVcpus',
      'configurations.yaml:7:28: error: rule "licenseAffinityToHost" is not allowed with countingType vCPU',
      '  hint: vCPU allows allowedTenancy, honorVcpuOptimization, maximumVcpus, minimumVcpus',
      'configurations.yaml:7:51: error: "licenseAffinityToHost" must be between 1 and 180',
      'configurations.yaml:11:18: error: duplicate LicenseConfiguration "windows"',
      '  hint: first defined at configurations.yaml:3:18; names are unique per kind',
      'configurations.yaml:12:22: error: "countingType" must be one of vCPU, Instance, Core, Socket',
      '  hint: did you mean "Socket"?',
      'licensectl.yaml:7:32: error: tag "licensectl:name" is reserved',
      '  hint: keys starting with "licensectl:" are set by licensectl to track ownership',
      'licensectl.yaml:8:41: error: LicenseConfiguration "oracle" is not defined',
      '  hint: define a LicenseConfiguration document with that name, or give the ARN of one licensectl does not manage',
      '9 errors',
    ].join('\n'));
  });

  it('a valid state comes with no diagnostics at all', async () => {
    const result = await load({ 'licensectl.yaml': PROJECT });
    expect(result).toEqual({ state: { project: expect.objectContaining({ name: 'acme' }), resources: [] }, diagnostics: [], files: ['licensectl.yaml'], project: 'acme' });
  });
});

// apply/ may import plan, store and model; errors are re-exported here to keep import lines short.
export { addressOf, type Address, type Kind } from '../model/index.js';
export { LicensectlError } from '../errors/index.js';

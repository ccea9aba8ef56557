// Typed access to input members. The core has already checked every member against the model (types,
// required members, enums, ranges), so these only narrow what is known to hold.
export type Input = Record<string, unknown>;

export interface Tag {
  Key?: string;
  Value?: string;
}

export interface Filter {
  Name?: string;
  Values?: string[];
}

export const str = (input: Input, name: string): string => input[name] as string;
export const optStr = (input: Input, name: string): string | undefined => input[name] as string | undefined;
export const optNum = (input: Input, name: string): number | undefined => input[name] as number | undefined;
export const optBool = (input: Input, name: string): boolean | undefined => input[name] as boolean | undefined;
export const list = <T = string>(input: Input, name: string): T[] | undefined => input[name] as T[] | undefined;

/** A deep copy of an input member, so that stored records never share structure with a request. */
export function copy<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

// The subset of a botocore service model the emulator needs: operations with their HTTP binding and the
// shapes reachable from their inputs and outputs. `shapes.generated.ts` holds the two services' data.

export type ShapeType =
  | 'structure'
  | 'list'
  | 'map'
  | 'string'
  | 'integer'
  | 'long'
  | 'float'
  | 'double'
  | 'boolean'
  | 'timestamp'
  | 'blob';

export interface MemberRef {
  readonly shape: string;
  /** Set only for members bound outside the JSON body (RAM's DELETE operations use the query string). */
  readonly location?: string;
  readonly locationName?: string;
}

export interface Shape {
  readonly type: ShapeType;
  readonly members?: Readonly<Record<string, MemberRef>>;
  readonly required?: readonly string[];
  /** List element shape. */
  readonly member?: string;
  readonly key?: string;
  readonly value?: string;
  readonly enum?: readonly string[];
  /** Length for strings, lists and maps; value range for numbers. */
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: string;
}

export interface OperationModel {
  readonly http: { readonly method: string; readonly path: string };
  readonly input?: string;
  readonly output?: string;
}

export interface ServiceModel {
  readonly operations: Readonly<Record<string, OperationModel>>;
  readonly shapes: Readonly<Record<string, Shape>>;
}

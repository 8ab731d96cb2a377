/**
 * The few web-platform globals src/core uses, present both in browsers and in
 * Node >= 18. Declared here because src/core is compiled without the DOM and
 * Node type libraries (which would let DOM- or Node-only APIs slip in).
 */
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string);
  decode(input?: ArrayBufferView | ArrayBuffer): string;
}
interface AbortSignal {
  readonly aborted: boolean;
  readonly reason: unknown;
}

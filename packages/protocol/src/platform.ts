/**
 * The few web-platform globals the protocol needs, typed locally: this package compiles with lib ES2022 and no
 * DOM or Node types, yet runs in browsers and Node 20, which both provide these.
 */
interface PlatformGlobals {
  readonly crypto: { getRandomValues<T extends Uint8Array>(array: T): T };
  readonly TextEncoder: new () => { encode(text: string): Uint8Array };
  readonly TextDecoder: new (
    label?: string,
    options?: { fatal?: boolean },
  ) => { decode(bytes: Uint8Array): string };
  /** WHATWG URL; throws on text that is not an absolute URL. */
  readonly URL: new (
    text: string,
  ) => {
    readonly protocol: string;
    readonly origin: string;
    readonly pathname: string;
    readonly search: string;
    readonly hash: string;
    readonly username: string;
    readonly password: string;
  };
}

export const platform = globalThis as unknown as PlatformGlobals;

/**
 * The slice of lib0's binary encoding the custom messages use (varUint, varUint8Array, varString), byte-compatible
 * with lib0/encoding and lib0/decoding. Written out so this package depends on nothing.
 */
import { platform } from './platform';

export class ByteWriter {
  private readonly bytes: number[] = [];

  writeVarUint(value: number): void {
    let rest = value;
    while (rest > 0x7f) {
      this.bytes.push(0x80 | (rest % 0x80));
      rest = Math.floor(rest / 0x80);
    }
    this.bytes.push(rest);
  }

  writeVarUint8Array(data: Uint8Array): void {
    this.writeVarUint(data.length);
    for (const byte of data) this.bytes.push(byte);
  }

  writeVarString(text: string): void {
    this.writeVarUint8Array(new platform.TextEncoder().encode(text));
  }

  toUint8Array(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

/** Reads lib0-encoded values; throws RangeError on truncated or oversized input (callers turn that into a Result). */
export class ByteReader {
  private position = 0;

  constructor(private readonly bytes: Uint8Array) {}

  get remaining(): number {
    return this.bytes.length - this.position;
  }

  readVarUint(): number {
    let value = 0;
    let multiplier = 1;
    for (;;) {
      const byte = this.bytes[this.position++];
      if (byte === undefined) throw new RangeError('unexpected end of data');
      value += (byte & 0x7f) * multiplier;
      if (byte < 0x80) return value;
      multiplier *= 0x80;
      if (multiplier > Number.MAX_SAFE_INTEGER) throw new RangeError('integer out of range');
    }
  }

  readVarUint8Array(): Uint8Array {
    const length = this.readVarUint();
    if (length > this.remaining) throw new RangeError('unexpected end of data');
    const out = this.bytes.subarray(this.position, this.position + length);
    this.position += length;
    return out;
  }

  readVarString(): string {
    return new platform.TextDecoder('utf-8', { fatal: true }).decode(this.readVarUint8Array());
  }
}

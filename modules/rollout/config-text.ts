import type { ConfigProblem } from "./problems";

/**
 * The text of a config file from its bytes. JSON exchanged between systems must be UTF-8
 * (RFC 8259 §8.1): bytes that are not are refused with their offset, never replaced by U+FFFD and
 * written into stacks. A UTF-8 byte order mark — what some Windows editors put first — is
 * accepted and dropped (RFC 8259 lets parsers ignore it), so no message ever starts with an
 * invisible character; a UTF-16 or UTF-32 byte order mark is refused by name.
 */
export function decodeConfigText(bytes: Uint8Array): { text: string } | { problem: ConfigProblem } {
  const wide = WIDE_BOMS.find(({ bom }) => bom.every((byte, i) => bytes[i] === byte));
  if (wide) return { problem: { path: "$", message: `expected UTF-8 text, got a ${wide.name} byte order mark: save the file as UTF-8` } };
  const start = UTF8_BOM.every((byte, i) => bytes[i] === byte) ? UTF8_BOM.length : 0;
  const invalid = firstInvalidUtf8(bytes, start);
  if (invalid !== undefined) {
    const where = lineAndColumn(new TextDecoder().decode(bytes.subarray(start, invalid)));
    return { problem: { path: "$", message: `expected UTF-8 text, got the byte 0x${hex(bytes[invalid])} at byte offset ${invalid} (${where}), which is not valid UTF-8` } };
  }
  return { text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes.subarray(start)) };
}

/** A byte order mark at the start of text already decoded (e.g. handed to `parseRolloutConfig`). */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** "line L column C" of the end of `before` (the text preceding a position). */
export function lineAndColumn(before: string): string {
  const lines = before.split("\n");
  return `line ${lines.length} column ${[...lines[lines.length - 1]].length + 1}`;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];
// UTF-32 first: its little-endian mark begins with UTF-16's.
const WIDE_BOMS = [
  { name: "UTF-32", bom: [0xff, 0xfe, 0x00, 0x00] },
  { name: "UTF-32", bom: [0x00, 0x00, 0xfe, 0xff] },
  { name: "UTF-16", bom: [0xff, 0xfe] },
  { name: "UTF-16", bom: [0xfe, 0xff] },
];

const hex = (byte: number) => byte.toString(16).padStart(2, "0").toUpperCase();

/**
 * Offset of the first byte that does not start a well-formed UTF-8 sequence
 * (Unicode 15, table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF), or undefined.
 */
export function firstInvalidUtf8(bytes: Uint8Array, from = 0): number | undefined {
  let i = from;
  while (i < bytes.length) {
    const lead = bytes[i];
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    const [length, low, high] = lead >= 0xc2 && lead <= 0xdf ? [2, 0x80, 0xbf]
      : lead === 0xe0 ? [3, 0xa0, 0xbf]
      : lead === 0xed ? [3, 0x80, 0x9f]
      : lead >= 0xe1 && lead <= 0xef ? [3, 0x80, 0xbf]
      : lead === 0xf0 ? [4, 0x90, 0xbf]
      : lead >= 0xf1 && lead <= 0xf3 ? [4, 0x80, 0xbf]
      : lead === 0xf4 ? [4, 0x80, 0x8f]
      : [0, 0, 0];
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const byte = bytes[i + k];
      const [min, max] = k === 1 ? [low, high] : [0x80, 0xbf];
      if (byte === undefined || byte < min || byte > max) return i;
    }
    i += length;
  }
  return undefined;
}

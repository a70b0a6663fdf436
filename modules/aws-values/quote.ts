/**
 * A user's string quoted for a one-line message: JSON-escaped, and every character a terminal
 * would not show (controls, format characters such as a byte order mark or a zero-width space,
 * line and paragraph separators, unassigned code points) written as `\uXXXX` (`\u{XXXXX}` beyond
 * the BMP), so a message never hides what is wrong in an invisible character. Long strings are
 * shortened with "...".
 */
export function quote(text: string, max = 60): string {
  const shown = [...text].length > max ? `${[...text].slice(0, max - 3).join("")}...` : text;
  return JSON.stringify(shown).replace(/[\p{C}\p{Zl}\p{Zp}]/gu, (c) => {
    const code = c.codePointAt(0)!;
    return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

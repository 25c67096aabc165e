import { isUtf8 } from 'node:buffer';

/** A request body as text; `invalidUtf8At` is the byte offset of the first invalid sequence, when the body had to be UTF-8 and is not. */
export interface DecodedBody {
  text: string;
  invalidUtf8At?: number;
}

const charsetParam = /;\s*charset\s*=\s*"?([^";\s]+)/i;

/**
 * Decodes a body as UTF-8. When the Content-Type says UTF-8 or names no charset (SOAP 1.2 and
 * Serviceplatformen's text/xml are UTF-8), bytes that are not UTF-8 are reported rather than
 * silently turned into U+FFFD, which would otherwise reach element names and values (a PNR)
 * as if the client had sent them. A body that names another charset is decoded as before.
 */
export function decodeBody(bytes: Buffer, contentType: string | undefined): DecodedBody {
  const decoded = bytes.toString('utf8');
  // A byte order mark is not part of the document (XML 1.0 §4.3.3); the parser would call it content before the root.
  const text = decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
  const charset = charsetParam.exec(contentType ?? '')?.[1]?.toLowerCase();
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') return { text };
  if (isUtf8(bytes)) return { text };
  return { text, invalidUtf8At: firstInvalidByte(bytes, decoded) };
}

/**
 * The decoder put one U+FFFD for each invalid sequence; the first U+FFFD that the bytes do not
 * spell as EF BF BD (a replacement character the client really sent) marks the first invalid one.
 */
function firstInvalidByte(bytes: Buffer, text: string): number {
  let byteOffset = 0;
  let from = 0;
  for (let k = text.indexOf('\uFFFD'); k !== -1; k = text.indexOf('\uFFFD', k + 1)) {
    byteOffset += Buffer.byteLength(text.slice(from, k), 'utf8');
    if (!(bytes[byteOffset] === 0xef && bytes[byteOffset + 1] === 0xbf && bytes[byteOffset + 2] === 0xbd))
      return byteOffset;
    byteOffset += 3;
    from = k + 1;
  }
  return byteOffset;
}

import type { Metadata } from '../../../common/domain';

/**
 * The address if it is an http: or https: URL, as the URL parser normalises it; undefined for
 * anything else (javascript:, data:, vbscript:, file:, relative or unparsable addresses). Addresses
 * come from imported files and may be hostile: only these may be written where a reader follows them.
 */
export function httpUrl(value: string | undefined | null): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return undefined;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
}

/**
 * The metadata as it is, except an address that is not http(s), which is left out: the HTML
 * importer keeps only those, and a file of annotations may not bring in what it refuses.
 */
export function withHttpUrlOnly(metadata: Metadata): Metadata {
  if (metadata.url === undefined || httpUrl(metadata.url)) return metadata;
  const { url: _dropped, ...rest } = metadata;
  return rest;
}

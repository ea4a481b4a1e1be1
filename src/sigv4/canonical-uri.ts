// CanonicalURI for every service but S3: dot segments and empty segments removed, then the (already encoded)
// path encoded once more, i.e. double encoding (docs/aws-behaviour/sigv4.md; botocore `quote(normalize_url_path(path), safe='/~')`).
import { uriEncode } from './uri-encode.ts';

/** The canonical URI of a raw (still percent-encoded) request path. */
export function canonicalUri(rawPath: string): string {
  if (rawPath === '' || rawPath === '/') return '/';
  const path = rawPath.includes('//') || rawPath.includes('/.') || rawPath.startsWith('.') ? removeDotSegments(rawPath) : rawPath;
  if (path === '') return '/';
  return uriEncode(path, true);
}

/** RFC 3986 §5.2.4 dot-segment removal that also collapses repeated slashes; keeps a trailing slash. */
export function removeDotSegments(path: string): string {
  const output: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') output.pop();
    else output.push(segment);
  }
  const first = path.startsWith('/') ? '/' : '';
  const last = path.endsWith('/') && output.length > 0 ? '/' : '';
  return first + output.join('/') + last;
}

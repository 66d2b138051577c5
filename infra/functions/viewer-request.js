// CloudFront viewer-request function (cloudfront-js-2.0): serves /x/ as /x/index.html and redirects /x to /x/.
// CloudFront runs this file as a plain script and calls handler(event): it must never export anything.

/** Whether the last path segment has an extension; an encoded dot (%2E), which S3 decodes, counts too. */
function hasExtension(uri) {
  return /\.|%2e/i.test(uri.slice(uri.lastIndexOf('/') + 1));
}

/** The query string exactly as the viewer sent it, without the leading "?" ("" when there is none). */
function queryOf(request) {
  if (typeof request.rawQueryString === 'function') {
    var raw = request.rawQueryString();
    return raw ? raw : '';
  }
  // Older runtimes: rebuild it from the parsed object, whose values CloudFront keeps in their encoded form.
  var parts = [];
  var qs = request.querystring || {};
  for (var name in qs) {
    var entry = qs[name];
    var values = entry.multiValue ? entry.multiValue : [entry];
    for (var i = 0; i < values.length; i++) {
      parts.push(values[i].value === '' ? name : name + '=' + values[i].value);
    }
  }
  return parts.join('&');
}

var HEX = '0123456789ABCDEF';

/** One byte as %XX. */
function percentByte(b) {
  return '%' + HEX.charAt(b >> 4) + HEX.charAt(b & 15);
}

/**
 * Percent-encodes what a browser would drop, fold or read as a slash in a Location: controls, space, DEL, the
 * backslash, and every non-ASCII character (as UTF-8; a lone surrogate becomes U+FFFD). Everything else, "%" included,
 * stays as sent, so already-encoded paths keep their meaning.
 */
function encodeUnsafe(text) {
  var out = '';
  for (var i = 0; i < text.length; i++) {
    var c = text.charCodeAt(i);
    if (c > 0x20 && c < 0x7f && c !== 0x5c) {
      out += text.charAt(i);
      continue;
    }
    if (c < 0x80) {
      out += percentByte(c);
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      var low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
        i++;
      } else {
        c = 0xfffd;
      }
    } else if (c >= 0xd800 && c <= 0xdfff) {
      c = 0xfffd;
    }
    if (c < 0x800) out += percentByte(0xc0 | (c >> 6)) + percentByte(0x80 | (c & 63));
    else if (c < 0x10000) out += percentByte(0xe0 | (c >> 12)) + percentByte(0x80 | ((c >> 6) & 63)) + percentByte(0x80 | (c & 63));
    else out += percentByte(0xf0 | (c >> 18)) + percentByte(0x80 | ((c >> 12) & 63)) + percentByte(0x80 | ((c >> 6) & 63)) + percentByte(0x80 | (c & 63));
  }
  return out;
}

/**
 * The redirect target for a path, always on this site: unsafe characters encoded and every run of slashes folded
 * to one, so it can never start with "//" (which a browser reads as another host, as it does "/\\" or "/<tab>/").
 */
function sitePath(uri) {
  return ('/' + encodeUnsafe(uri)).replace(/\/{2,}/g, '/');
}

// eslint-disable-next-line @typescript-eslint/no-unused-vars -- CloudFront calls handler by name.
function handler(event) {
  var request = event.request;
  var uri = request.uri;

  // A directory URL: S3 has no directories, so ask for its index page.
  if (uri.charAt(uri.length - 1) === '/') {
    request.uri = uri + 'index.html';
    return request;
  }

  // A file (its last segment has an extension): leave it alone. Dotted directories such as /v1.2/ end in "/" above.
  if (hasExtension(uri)) {
    return request;
  }

  // A directory URL without its slash: redirect, keeping the query string, so relative links resolve. The path is
  // normalised first: a Location copied from the request could send the browser to another host.
  var query = encodeUnsafe(queryOf(request));
  return {
    statusCode: 301,
    statusDescription: 'Moved Permanently',
    headers: {
      location: { value: sitePath(uri) + '/' + (query ? '?' + query : '') },
      'cache-control': { value: 'public, max-age=3600' },
    },
  };
}

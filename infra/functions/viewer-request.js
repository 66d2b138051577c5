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

  // A directory URL without its slash: redirect, keeping the query string, so relative links resolve.
  var query = queryOf(request);
  return {
    statusCode: 301,
    statusDescription: 'Moved Permanently',
    headers: {
      location: { value: uri + '/' + (query ? '?' + query : '') },
      'cache-control': { value: 'public, max-age=3600' },
    },
  };
}

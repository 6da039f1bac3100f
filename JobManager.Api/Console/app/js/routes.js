// The console's own addresses (hash routes), built in one place.
const seg = encodeURIComponent;

export const routes = {
  jobs: (query = '') => `#/jobs${query}`,
  job: (s, j) => `#/services/${seg(s)}/jobs/${seg(j)}`,
  editJob: (s, j) => `#/services/${seg(s)}/jobs/${seg(j)}/edit`,
  jobExecutions: (s, j) => `#/services/${seg(s)}/jobs/${seg(j)}/executions`,
  serviceExecutions: s => `#/services/${seg(s)}/executions`,
  execution: (s, j, id) => `#/services/${seg(s)}/jobs/${seg(j)}/executions/${seg(id)}`,
  keys: s => (s ? `#/services/${seg(s)}/keys` : '#/keys'),
  executions: () => '#/executions',
};

/** [pattern, page name, parameter names]; the first match wins. */
const table = [
  [/^#\/services\/([^/]+)\/jobs\/([^/]+)\/executions\/([^/?]+)$/, 'execution', ['service', 'job', 'executionId']],
  [/^#\/services\/([^/]+)\/jobs\/([^/]+)\/executions$/, 'executions', ['service', 'job']],
  [/^#\/services\/([^/]+)\/jobs\/([^/]+)\/edit$/, 'edit', ['service', 'job']],
  [/^#\/services\/([^/]+)\/jobs\/([^/?]+)$/, 'job', ['service', 'job']],
  [/^#\/services\/([^/]+)\/executions$/, 'executions', ['service']],
  [/^#\/services\/([^/]+)\/keys$/, 'keys', ['service']],
  [/^#\/executions$/, 'executions', []],
  [/^#\/keys$/, 'keys', []],
  [/^#\/login$/, 'login', []],
  [/^#\/jobs$/, 'jobs', []],
  [/^#?\/?$/, 'jobs', []],
];

/** The page and parameters of a location hash; query parameters after `?` go to `query`. */
export function match(hash) {
  const [path, search = ''] = hash.split('?');
  for (const [pattern, page, names] of table) {
    const found = pattern.exec(path);
    if (found) {
      const params = Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(found[i + 1])]));
      return { page, params, query: new URLSearchParams(search) };
    }
  }
  return { page: 'notFound', params: {}, query: new URLSearchParams(search) };
}

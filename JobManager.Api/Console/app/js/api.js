// The public HTTP API, called with the session's key as the bearer token. Nothing else is called.
import { session } from './session.js';

/** A problem details answer (RFC 9457): `errors` names each offending field. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? problem?.title ?? `The API answered ${status}`);
    this.status = status;
    this.problem = problem ?? {};
  }
  get fieldErrors() { return this.problem.errors ?? {}; }
  /** Title, detail and every field error, in one line for a message. */
  get summary() {
    const fields = Object.entries(this.fieldErrors).map(([f, m]) => `${f}: ${m.join('; ')}`);
    return [this.problem.title ?? `HTTP ${this.status}`, this.problem.detail, ...fields].filter(Boolean).join(' — ');
  }
}

const seg = encodeURIComponent;

/** Every path the console uses, in one place. */
export const paths = {
  allJobs: () => '/jobs',
  jobs: s => `/services/${seg(s)}/jobs`,
  job: (s, j) => `/services/${seg(s)}/jobs/${seg(j)}`,
  jobTest: (s, j) => `/services/${seg(s)}/jobs/${seg(j)}/test`,
  jobExecutions: (s, j) => `/services/${seg(s)}/jobs/${seg(j)}/executions`,
  serviceExecutions: s => `/services/${seg(s)}/executions`,
  execution: (s, j, id) => `/services/${seg(s)}/jobs/${seg(j)}/executions/${seg(id)}`,
  keys: s => `/services/${seg(s)}/keys`,
  key: (s, id) => `/services/${seg(s)}/keys/${seg(id)}`,
  rotateSecret: s => `/services/${seg(s)}/signing-secret/rotate`,
  nextInstants: () => '/schedules/next',
};

/**
 * Calls the API. Resolves to the parsed JSON (null for 204); rejects with ApiError on a problem.
 * @param {string} method @param {string} path
 * @param {{query?: Record<string, any>, body?: any, key?: string}} [options]
 */
export async function api(method, path, { query, body, key } = {}) {
  const url = new URL(path, location.origin);
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(name, String(value));
  }
  const headers = { Accept: 'application/json' };
  const bearer = key ?? session.current?.key;
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = { title: text }; }
  if (!response.ok) {
    const error = new ApiError(response.status, data);
    if (response.status === 401 && !key) window.dispatchEvent(new CustomEvent('console:signed-out', { detail: error }));
    throw error;
  }
  return data;
}

/** The console's public configuration (the dashboard's URL), read without a key. */
export async function consoleConfig() {
  const response = await fetch(new URL('config.json', location.href));
  return response.ok ? response.json() : {};
}

// The key the user pasted in, kept for this tab only (sessionStorage), and what the API said it may reach.
const storageKey = 'jobmanager.console';

export const session = {
  /** @returns {{key: string, admin: boolean, service: string|null}|null} */
  get current() {
    try { return JSON.parse(sessionStorage.getItem(storageKey) ?? 'null'); } catch { return null; }
  },
  save(value) { sessionStorage.setItem(storageKey, JSON.stringify(value)); },
  clear() { sessionStorage.removeItem(storageKey); },
};

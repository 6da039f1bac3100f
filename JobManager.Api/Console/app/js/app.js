// The console shell: signs in, routes the location hash to a page, and tears the old page down
// (its timers) when another opens.
import { consoleConfig } from './api.js';
import { h, fill } from './dom.js';
import { match } from './routes.js';
import { session } from './session.js';
import * as login from './pages/login.js';
import * as jobs from './pages/jobs.js';
import * as job from './pages/job.js';
import * as editJob from './pages/edit-job.js';
import * as executions from './pages/executions.js';
import * as execution from './pages/execution.js';
import * as keys from './pages/keys.js';

const pages = { login, jobs, job, edit: editJob, executions, execution, keys };
const main = document.getElementById('main');
let current = { dispose() {} };
let config = {};

async function show() {
  current.dispose?.();
  current = { dispose() {} };
  const who = session.current;
  const route = match(location.hash || '#/jobs');
  if (!who && route.page !== 'login') {
    location.replace('#/login');
    return;
  }
  header(who, route.page);
  const page = pages[route.page];
  const context = { ...route, session: who, config, main };
  if (!page) {
    fill(main, h('h1', {}, 'Not found'), h('p', {}, 'No page here. ', h('a', { href: '#/jobs' }, 'Go to the jobs.')));
    return;
  }
  fill(main, h('p', { class: 'muted' }, 'Loading…'));
  const timers = [];
  context.every = (ms, action) => timers.push(setInterval(action, ms));
  current = { dispose: () => timers.forEach(clearInterval) };
  await page.render(context);
  main.focus({ preventScroll: true });
}

function header(who, page) {
  document.getElementById('nav').hidden = !who;
  document.getElementById('who').hidden = !who;
  document.getElementById('who-label').textContent = who ? (who.admin ? 'Admin key' : `Service key · ${who.service}`) : '';
  for (const link of document.querySelectorAll('[data-nav]')) {
    const active = link.dataset.nav === page || (link.dataset.nav === 'jobs' && ['job', 'edit'].includes(page))
      || (link.dataset.nav === 'executions' && page === 'execution');
    if (active) link.setAttribute('aria-current', 'page'); else link.removeAttribute('aria-current');
  }
}

document.getElementById('sign-out').addEventListener('click', () => { session.clear(); location.hash = '#/login'; });
window.addEventListener('console:signed-out', () => { session.clear(); location.hash = '#/login?expired=1'; });
window.addEventListener('hashchange', show);

config = await consoleConfig().catch(() => ({}));
await show();

// Small DOM helpers: elements from data, never from HTML strings, so no API value is ever parsed as markup.

/**
 * Creates an element. `attrs` keys starting with "on" add listeners; `dataset`, `hidden`, booleans work too.
 * @returns {HTMLElement}
 */
export function h(tag, attrs = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else if (name === 'class') element.className = value;
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's children. */
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** A short-lived message for the screen reader and the eye. */
export function toast(message, kind = 'info') {
  const box = document.getElementById('toast');
  fill(box, h('div', { class: `toast ${kind}` }, message));
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => box.replaceChildren(), 6000);
}

/** An error box for a failed call; keeps the problem's title, detail and field errors. */
export function errorBox(error) {
  return h('div', { class: 'error', role: 'alert' }, error?.summary ?? error?.message ?? String(error));
}

/**
 * Asks for confirmation in a modal dialog (focus trapped, Escape cancels).
 * @returns {Promise<boolean>}
 */
export function confirmDialog(title, message, confirmLabel, danger = true) {
  return new Promise(resolve => {
    const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': 'dialog-title' },
      h('form', { method: 'dialog' },
        h('h2', { id: 'dialog-title' }, title),
        h('p', {}, message),
        h('div', { class: 'actions' },
          h('button', { value: 'cancel', class: 'secondary' }, 'Cancel'),
          h('button', { value: 'ok', class: danger ? 'danger' : 'primary', autofocus: true }, confirmLabel))));
    dialog.addEventListener('close', () => { resolve(dialog.returnValue === 'ok'); dialog.remove(); });
    document.body.append(dialog);
    dialog.showModal();
  });
}

/** A definition list (label, value) for one resource. */
export function definitionList(rows) {
  return h('dl', { class: 'props' }, rows.map(([label, value]) => [h('dt', {}, label), h('dd', {}, value)]));
}

// classroom.js: what a lecture needs on top of the page.
//
//   - the lecture browser: every scenario by lecture section, with its title and one-line
//     summary; a click opens it at step 0 (the narration shows in the caption);
//   - presentation mode (key p, or the button): full screen where the browser allows it, the
//     projector theme with larger type and thicker lines, only the code, heap and caption
//     panels, and a halo that follows the presenter's pointer;
//   - rooms: "Present to room" creates a room for the open run (POST /api/rooms) and shows its
//     code, link and QR code; every cursor move is sent (POST /api/rooms/{code}/cursor). A page
//     opened at /?room=CODE follows the room's events (SSE) step by step, and can detach to
//     explore on its own and re-attach;
//   - "Copy link" (the view's permalink) and export of the heap diagram as SVG and PNG.
//
// main.js hands in a context: {api, store, getLayout(), scenarios(), scenario(), source(),
// openScenario(id, step), runSource(source, step), openRun(runId, step), theme(), setTheme(t)}.
// Everything here is scoped to the app root; the root carries data-presenting,
// data-room (presenter), data-follow (attached | detached | ended) for tests.

import { qrSvg } from './qr.js';
import { permalink, copyText, diagramSvg, svgToPng, download } from './share.js';

const esc = (s) =>
  String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

function button(cls, text, label, title = '') {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = `btn ${cls}`;
  b.textContent = text;
  b.setAttribute('aria-label', label);
  if (title) b.title = title;
  return b;
}

/** Sections in lecture order: the tutorial's own order first, then the others by name. */
export function groupBySection(scenarios) {
  const TUTORIAL_ORDER = ['Architecture', 'Reference', 'Garbage', 'Best'];
  const rank = (section) => {
    if (!section) return [2, ''];
    if (section.startsWith('Tutorial')) {
      const i = TUTORIAL_ORDER.findIndex((k) => section.includes(k));
      return [0, String(i < 0 ? 9 : i)];
    }
    return [1, section];
  };
  const sections = new Map();
  for (const s of scenarios) {
    const key = s.section || 'More examples';
    if (!sections.has(key)) sections.set(key, []);
    sections.get(key).push(s);
  }
  return [...sections].sort((a, b) => {
    const ra = rank(a[1][0].section);
    const rb = rank(b[1][0].section);
    return ra[0] - rb[0] || ra[1].localeCompare(rb[1], 'en', { numeric: true });
  });
}

/** The room routes (docs/api.md, Rooms). */
function roomApi() {
  async function call(method, path, body, token) {
    const headers = { 'Content-Type': 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const data = await res.json().catch(() => null);
    if (!res.ok) {
      const e = new Error((data && data.error && data.error.message) || res.statusText);
      e.status = res.status;
      throw e;
    }
    return data;
  }
  const enc = encodeURIComponent;
  return {
    createRoom: (run, step) => call('POST', '/api/rooms', { run, step }),
    room: (code) => call('GET', `/api/rooms/${enc(code)}`),
    moveRoom: (code, token, step) => call('POST', `/api/rooms/${enc(code)}/cursor`, { step }, token),
  };
}

export function createClassroom(root, ctx) {
  const q = (sel) => root.querySelector(sel);
  const { store } = ctx;
  const api = roomApi();

  // ---- the buttons (in the top bar, before the spacer) and the dialogs
  const bar = q('.topbar');
  const spacer = bar.querySelector('.spacer');
  const lecturesBtn = button('ghost lectures-btn', 'Lectures', 'Browse the lecture scenarios', 'Scenarios by lecture section');
  lecturesBtn.setAttribute('aria-expanded', 'false');
  const tools = document.createElement('div');
  tools.className = 'class-tools';
  tools.setAttribute('role', 'group');
  tools.setAttribute('aria-label', 'Share and present');
  const copyBtn = button('ghost copy-link-btn', 'Copy link', 'Copy a link to this step', 'A link that reopens this program at this step');
  const svgBtn = button('ghost export-svg-btn', 'SVG', 'Export the heap diagram as SVG', 'The diagram of this step, for slides');
  const pngBtn = button('ghost export-png-btn', 'PNG', 'Export the heap diagram as PNG', 'The diagram of this step, for slides');
  const roomBtn = button('ghost room-btn', 'Present to room', 'Present to a room: students follow your steps', 'Students open a link and follow every step');
  const presentBtn = button('ghost present-btn', 'Present', 'Presentation mode', 'Full screen, large type (p)');
  tools.append(copyBtn, svgBtn, pngBtn, roomBtn, presentBtn);
  bar.insertBefore(lecturesBtn, bar.querySelector('.run-btn'));
  bar.insertBefore(tools, spacer ? spacer.nextSibling : null);

  const toast = document.createElement('div');
  toast.className = 'class-toast';
  toast.setAttribute('role', 'status');
  toast.hidden = true;
  root.appendChild(toast);
  let toastTimer = 0;
  function say(text) {
    toast.textContent = text;
    toast.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => (toast.hidden = true), 2600);
  }

  // ---- 3. the lecture browser
  const browser = document.createElement('div');
  browser.className = 'lecture-browser';
  browser.hidden = true;
  browser.setAttribute('role', 'dialog');
  browser.setAttribute('aria-label', 'Lecture scenarios');
  root.appendChild(browser);

  function fillBrowser() {
    const list = ctx.scenarios() || [];
    let html = '<div class="lb-head"><h2>Lecture scenarios</h2><button type="button" class="btn ghost lb-close" aria-label="Close the list">Close</button></div><div class="lb-body">';
    for (const [section, items] of groupBySection(list)) {
      html += `<section class="lb-section"><h3>${esc(section)}</h3><ul>`;
      for (const s of items) {
        html +=
          `<li><button type="button" class="lb-item" data-id="${esc(s.id)}" aria-label="${esc(s.title)}">` +
          `<span class="lb-title">${esc(s.title)}</span>` +
          `<span class="lb-summary">${esc(s.summary || '')}</span></button></li>`;
      }
      html += '</ul></section>';
    }
    browser.innerHTML = html + '</div>';
  }
  const showBrowser = (show) => {
    if (show) fillBrowser();
    browser.hidden = !show;
    lecturesBtn.setAttribute('aria-expanded', String(show));
    if (show) browser.querySelector(`.lb-item[data-id="${CSS.escape(ctx.scenario()?.id || '')}"]`)?.focus();
  };
  lecturesBtn.addEventListener('click', () => showBrowser(browser.hidden));
  browser.addEventListener('click', (ev) => {
    if (ev.target.closest('.lb-close')) return showBrowser(false);
    const item = ev.target.closest('.lb-item');
    if (!item) return;
    showBrowser(false);
    detach();
    ctx.openScenario(item.dataset.id, 0);
  });
  browser.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape') {
      showBrowser(false);
      lecturesBtn.focus();
    }
  });

  // ---- 4. presentation mode
  const halo = document.createElement('div');
  halo.className = 'pointer-halo';
  halo.hidden = true;
  halo.setAttribute('aria-hidden', 'true');
  root.appendChild(halo);
  const exitBtn = button('present-exit', 'Exit presentation', 'Leave presentation mode', 'Leave presentation mode (p or Esc)');
  exitBtn.hidden = true;
  root.appendChild(exitBtn);
  let presenting = false;
  let themeBefore = null;
  let wentFullscreen = false;

  function onPointer(ev) {
    halo.style.transform = `translate(${ev.clientX}px, ${ev.clientY}px)`;
    halo.hidden = false;
  }
  function setPresenting(on) {
    if (on === presenting) return;
    presenting = on;
    root.classList.toggle('presenting', on);
    root.dataset.presenting = String(on);
    presentBtn.setAttribute('aria-pressed', String(on));
    exitBtn.hidden = !on;
    if (on) {
      themeBefore = ctx.theme();
      ctx.setTheme('projector');
      document.addEventListener('pointermove', onPointer);
      wentFullscreen = false;
      const fs = root.requestFullscreen ? root.requestFullscreen({ navigationUI: 'hide' }) : null;
      if (fs && fs.then) {
        fs.then(() => (wentFullscreen = true)).catch(() => {
          /* headless, an iframe, or no user gesture: the page fills the window instead */
        });
      }
    } else {
      document.removeEventListener('pointermove', onPointer);
      halo.hidden = true;
      if (themeBefore) ctx.setTheme(themeBefore);
      if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
    }
  }
  presentBtn.addEventListener('click', () => setPresenting(!presenting));
  exitBtn.addEventListener('click', () => setPresenting(false));
  document.addEventListener('fullscreenchange', () => {
    // Esc in full screen leaves it: leave presentation mode with it
    if (!document.fullscreenElement && wentFullscreen && presenting) setPresenting(false);
  });
  const typing = (el) => el && el.matches('textarea, input:not([type="range"]), select, [contenteditable]');
  document.addEventListener('keydown', (ev) => {
    if (ev.defaultPrevented || ev.altKey || ev.ctrlKey || ev.metaKey || typing(ev.target)) return;
    if (ev.key === 'p' || ev.key === 'P') {
      setPresenting(!presenting);
      ev.preventDefault();
    } else if (ev.key === 'Escape') {
      if (!browser.hidden) showBrowser(false);
      else if (!roomDialog.hidden) roomDialog.hidden = true;
      else if (presenting) setPresenting(false);
    }
  });

  // ---- 5a. presenting to a room
  const roomDialog = document.createElement('div');
  roomDialog.className = 'room-dialog';
  roomDialog.hidden = true;
  roomDialog.setAttribute('role', 'dialog');
  roomDialog.setAttribute('aria-label', 'Room for students');
  root.appendChild(roomDialog);
  let room = null; // {code, token, run, url, sending, pending}

  function showRoom() {
    const url = room.url;
    const stale = store.run && store.run.id !== room.run;
    roomDialog.innerHTML =
      `<div class="rd-head"><h2>Students: open this link</h2><button type="button" class="btn ghost rd-close" aria-label="Hide the room panel">Hide</button></div>` +
      `<div class="rd-body"><div class="rd-qr">${qrSvg(url, { ecl: 'M', scale: 5 })}</div>` +
      `<div class="rd-text"><div class="rd-code-label">Room code</div><div class="room-code">${esc(room.code)}</div>` +
      `<a class="room-url" href="${esc(url)}" target="_blank" rel="noopener">${esc(url)}</a>` +
      `<div class="rd-followers muted"></div>` +
      (stale ? '<p class="rd-stale">You opened another program: the room still shows the one you presented. Present again to make a room for this one.</p>' : '') +
      `<div class="rd-actions"><button type="button" class="btn ghost rd-copy" aria-label="Copy the room link">Copy link</button>` +
      `<button type="button" class="btn rd-stop" aria-label="Stop presenting to the room">Stop</button></div></div></div>`;
    roomDialog.hidden = false;
    refreshFollowers();
  }
  async function refreshFollowers() {
    if (!room || roomDialog.hidden) return;
    try {
      const r = await api.room(room.code);
      const el = roomDialog.querySelector('.rd-followers');
      if (el) el.textContent = `${r.followers} following`;
    } catch {
      /* the room expired: nothing to show */
    }
  }
  setInterval(refreshFollowers, 5000);

  async function startRoom() {
    if (!store.run) return;
    const stale = room && room.run !== store.run.id;
    if (room && !stale) return showRoom();
    try {
      const r = await api.createRoom(store.run.id, Math.max(0, store.cursor));
      room = { code: r.code, token: r.presenter_token, run: r.run, url: `${location.origin}/?room=${r.code}`, sending: false, pending: null };
      root.dataset.room = r.code;
      roomBtn.classList.add('on');
      roomBtn.textContent = `Room ${r.code}`;
      showRoom();
    } catch (e) {
      say(`Could not create a room: ${e.message}`);
    }
  }
  function stopRoom() {
    room = null;
    delete root.dataset.room;
    roomBtn.classList.remove('on');
    roomBtn.textContent = 'Present to room';
    roomDialog.hidden = true;
  }
  roomBtn.addEventListener('click', () => (room && !roomDialog.hidden ? (roomDialog.hidden = true) : startRoom()));
  roomDialog.addEventListener('click', async (ev) => {
    if (ev.target.closest('.rd-close')) roomDialog.hidden = true;
    else if (ev.target.closest('.rd-stop')) stopRoom();
    else if (ev.target.closest('.rd-copy')) say((await copyText(room.url)) ? 'Room link copied' : room.url);
  });

  /** Send the cursor; one request at a time, and only the latest step if several piled up. */
  async function sendCursor(step) {
    if (!room || !store.run || store.run.id !== room.run) return;
    room.pending = step;
    if (room.sending) return;
    room.sending = true;
    const r = room;
    while (r.pending !== null) {
      const n = r.pending;
      r.pending = null;
      try {
        await api.moveRoom(r.code, r.token, n);
        root.dataset.roomStep = String(n);
      } catch (e) {
        if (e.status === 404 || e.status === 403) {
          say('The room has expired');
          if (room === r) stopRoom();
          break;
        }
      }
    }
    r.sending = false;
  }

  // ---- 5b. following a room
  const followBar = document.createElement('div');
  followBar.className = 'follow-bar';
  followBar.hidden = true;
  followBar.setAttribute('role', 'status');
  root.appendChild(followBar);
  let follow = null; // {code, es, latest, attached, expect}

  function renderFollowBar() {
    if (!follow) {
      followBar.hidden = true;
      delete root.dataset.follow;
      return;
    }
    const state = follow.ended ? 'ended' : follow.attached ? 'attached' : 'detached';
    root.dataset.follow = state;
    followBar.hidden = false;
    const text =
      state === 'ended'
        ? `Room ${follow.code} has ended.`
        : state === 'attached'
          ? `Following room ${follow.code}: the presenter is at step ${follow.latest + 1}.`
          : `Exploring on your own. The presenter is at step ${follow.latest + 1}.`;
    followBar.innerHTML =
      `<span class="fb-text">${esc(text)}</span>` +
      (state === 'attached'
        ? '<button type="button" class="btn ghost follow-detach" aria-label="Stop following and explore on your own">Explore on my own</button>'
        : state === 'detached'
          ? '<button type="button" class="btn primary follow-attach" aria-label="Follow the presenter again">Follow the presenter</button>'
          : '<button type="button" class="btn ghost follow-close" aria-label="Close">Close</button>');
  }
  followBar.addEventListener('click', (ev) => {
    if (ev.target.closest('.follow-detach')) detach();
    else if (ev.target.closest('.follow-attach')) attach();
    else if (ev.target.closest('.follow-close')) {
      follow = null;
      renderFollowBar();
    }
  });

  function goFollowed() {
    if (!follow || !follow.attached || follow.latest < 0) return;
    follow.expect = follow.latest;
    if (store.run && store.run.id === follow.run) {
      if (store.cursor !== follow.latest) {
        store.stop();
        store.go(follow.latest);
      }
    } else {
      ctx.openRun(follow.run, follow.latest);
    }
  }
  function detach() {
    if (!follow || !follow.attached) return;
    follow.attached = false;
    renderFollowBar();
  }
  function attach() {
    if (!follow || follow.ended) return;
    follow.attached = true;
    renderFollowBar();
    goFollowed();
  }

  async function startFollowing(code) {
    let info;
    try {
      info = await api.room(code);
    } catch (e) {
      follow = { code, latest: -1, attached: false, ended: true };
      renderFollowBar();
      followBar.querySelector('.fb-text').textContent = `No room ${code}: ${e.message}`;
      return false;
    }
    follow = { code, run: info.run, latest: info.step, attached: true, ended: false, expect: info.step, es: null };
    renderFollowBar();
    await ctx.openRun(info.run, info.step);
    const es = new EventSource(`/api/rooms/${encodeURIComponent(code)}/events`);
    follow.es = es;
    const onMove = (ev) => {
      const n = Number(ev.lastEventId);
      if (!follow || follow.es !== es || !Number.isInteger(n)) return;
      follow.latest = n;
      renderFollowBar();
      goFollowed();
    };
    es.addEventListener('snapshot', onMove);
    es.addEventListener('diff', onMove);
    es.addEventListener('bye', () => {
      es.close();
      if (follow && follow.es === es) {
        follow.ended = true;
        follow.attached = false;
        renderFollowBar();
      }
    });
    return true;
  }

  // ---- stepping: the presenter sends every move; a follower who steps on their own detaches
  store.on('step', ({ to }) => {
    if (room) sendCursor(to);
    if (follow && follow.attached && store.run && store.run.id === follow.run && to !== follow.expect && to !== follow.latest) detach();
  });
  store.on('run', ({ run }) => {
    if (follow && follow.attached && run.id !== follow.run) detach();
    if (room && !roomDialog.hidden) showRoom();
  });

  // ---- 6. copy link
  function currentView() {
    const scen = ctx.scenario();
    const step = Math.max(0, store.cursor);
    if (scen && store.run && store.run.source === scen.source) return { scenario: scen.id, step };
    if (store.run) return { source: store.run.source, step };
    return { step };
  }
  copyBtn.addEventListener('click', async () => {
    const link = permalink(currentView());
    root.dataset.lastLink = link;
    say((await copyText(link)) ? 'Link copied' : `Link: ${link}`);
  });

  // ---- 7. export
  function exportName(ext) {
    const base = (ctx.scenario()?.id || store.run?.filename || 'memviz').replace(/\.py$/, '').replace(/[^\w.-]+/g, '_');
    return `${base}-step${Math.max(0, store.cursor) + 1}.${ext}`;
  }
  function currentSvg() {
    const lay = ctx.getLayout();
    if (!lay) return null;
    const title = `${ctx.scenario()?.title || store.run?.filename || ''} · step ${store.cursor + 1} / ${store.nsteps}`;
    return diagramSvg(lay, { title });
  }
  svgBtn.addEventListener('click', () => {
    const svg = currentSvg();
    if (!svg) return;
    download(new Blob([svg], { type: 'image/svg+xml' }), exportName('svg'));
  });
  pngBtn.addEventListener('click', async () => {
    const svg = currentSvg();
    if (!svg) return;
    try {
      download(await svgToPng(svg, 2), exportName('png'));
    } catch (e) {
      say(`Export failed: ${e.message}`);
    }
  });

  /**
   * First load: a room link (?room=CODE) or a link to the user's code (#code=...). Returns true
   * when it opened something (main.js then skips its default).
   */
  async function boot(readHash) {
    const code = new URLSearchParams(location.search).get('room');
    if (code) {
      await startFollowing(code.toUpperCase());
      return true;
    }
    const h = readHash();
    if (h.source !== null && !h.scenario) {
      await ctx.runSource(h.source, h.step);
      return true;
    }
    return false;
  }

  return { boot, setPresenting, get presenting() { return presenting; }, currentView };
}

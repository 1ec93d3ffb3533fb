// controls.js: first / back / play-pause / next / last, speed, the slider, "next collection",
// the step counter, and the keyboard: ← → step, Space play/pause, Home/End, g next collection,
// + / - / 0 zoom. Keys are ignored while typing in the editor or a form field.

export function createControls(root, store, { onZoom } = {}) {
  const q = (sel) => root.querySelector(sel);
  const btn = {
    first: q('.ctl-first'),
    back: q('.ctl-back'),
    play: q('.ctl-play'),
    next: q('.ctl-next'),
    last: q('.ctl-last'),
    gc: q('.ctl-gc'),
  };
  const speed = q('.ctl-speed');
  const slider = q('.ctl-slider');
  const counter = q('.step-counter');

  const rel = (d) => {
    store.stop();
    const from = store.target >= 0 ? store.target : store.cursor;
    store.go(from + d);
  };
  const nextCollection = () => {
    store.stop();
    const from = store.target >= 0 ? store.target : store.cursor;
    const next = store.collectionStarts().find((s) => s > from);
    if (next !== undefined) store.go(next);
  };
  const togglePlay = () => {
    if (store.playing) store.stop();
    else store.play(Number(speed.value));
  };

  btn.first.addEventListener('click', () => (store.stop(), store.go(0)));
  btn.back.addEventListener('click', () => rel(-1));
  btn.next.addEventListener('click', () => rel(1));
  btn.last.addEventListener('click', () => (store.stop(), store.go(store.nsteps - 1)));
  btn.play.addEventListener('click', togglePlay);
  btn.gc.addEventListener('click', nextCollection);
  speed.addEventListener('change', () => {
    if (store.playing) store.play(Number(speed.value));
  });

  let sliderFrame = 0;
  slider.addEventListener('input', () => {
    store.stop();
    if (sliderFrame) return;
    sliderFrame = requestAnimationFrame(() => {
      sliderFrame = 0;
      store.go(Number(slider.value));
    });
  });

  const typing = (el) => el && (el.matches('textarea, input:not([type="range"]), select, [contenteditable]'));
  document.addEventListener('keydown', (ev) => {
    if (ev.defaultPrevented || ev.altKey || ev.ctrlKey || ev.metaKey || typing(ev.target)) return;
    if (!store.run) return;
    let handled = true;
    switch (ev.key) {
      case 'ArrowRight':
        rel(1);
        break;
      case 'ArrowLeft':
        rel(-1);
        break;
      case ' ':
        if (ev.target.matches('button')) return; // the button's own click
        togglePlay();
        break;
      case 'Home':
        store.stop();
        store.go(0);
        break;
      case 'End':
        store.stop();
        store.go(store.nsteps - 1);
        break;
      case 'g':
      case 'G':
        nextCollection();
        break;
      case '+':
      case '=':
        onZoom?.(1.2);
        break;
      case '-':
        onZoom?.(1 / 1.2);
        break;
      case '0':
        onZoom?.(0);
        break;
      default:
        handled = false;
    }
    if (handled) ev.preventDefault();
  });

  function update() {
    const n = store.nsteps;
    const c = store.cursor;
    const has = n > 0;
    btn.first.disabled = btn.back.disabled = !has || c <= 0;
    btn.next.disabled = btn.last.disabled = !has || c >= n - 1;
    btn.play.disabled = !has || n < 2;
    btn.gc.disabled = !has || !store.collectionStarts().some((s) => s > c);
    slider.max = String(Math.max(0, n - 1));
    slider.disabled = !has;
    if (document.activeElement !== slider || !sliderFrame) slider.value = String(Math.max(0, c));
    slider.setAttribute('aria-valuetext', has ? `step ${c + 1} of ${n}` : 'no run');
    counter.textContent = has ? `Step ${c + 1} / ${n}` : '–';
    btn.play.setAttribute('aria-label', store.playing ? 'Pause' : 'Play');
    btn.play.setAttribute('aria-pressed', String(store.playing));
    root.classList.toggle('playing', store.playing);
  }

  store.on('step', update);
  store.on('run', update);
  store.on('play', update);
  update();
  return { update };
}

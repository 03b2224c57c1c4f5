// Keeps the app the size of what is visible, so the composer stays above an
// on-screen keyboard (browsers that only shrink the visual viewport).
export function trackViewport() {
  const vv = window.visualViewport;
  if (!vv) return;
  const style = document.documentElement.style;
  let queued = false;
  const update = () => {
    queued = false;
    style.setProperty('--app-height', `${Math.round(vv.height)}px`);
    style.setProperty('--app-top', `${Math.round(vv.offsetTop)}px`);
  };
  const schedule = () => { if (!queued) { queued = true; requestAnimationFrame(update); } };
  vv.addEventListener('resize', schedule);
  vv.addEventListener('scroll', schedule);
  update();
}

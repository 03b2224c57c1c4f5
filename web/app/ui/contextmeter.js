// How full the model's context window is, as a small bar in the composer:
// "12,345 of 128,000 tokens" on hover or tap, the warning colour above 80 %.
import { h } from '../core/dom.js';
import { t } from '../core/i18n.js';
import { formatTokens } from '../core/format.js';
import { createTip } from './tip.js';

const WARN_AT = 0.8;

export function createContextMeter() {
  const fill = h('span', { class: 'meter-fill' });
  const tip = createTip({ label: t('meter.label'), content: h('span', { class: 'meter-bar' }, fill), className: 'context-meter' });
  tip.root.hidden = true;
  return {
    root: tip.root,
    // null (no conversation, or the model's window is unknown) hides the bar.
    set(use) {
      tip.root.hidden = !use || !(use.limit > 0);
      if (tip.root.hidden) return;
      const share = Math.min(1, use.tokens / use.limit);
      fill.style.width = `${(share * 100).toFixed(1)}%`;
      tip.root.classList.toggle('warn', share > WARN_AT);
      const words = { used: formatTokens(use.tokens), total: formatTokens(use.limit) };
      tip.setText(use.estimated ? t('meter.estimate', words) : t('meter.text', words));
    },
  };
}
